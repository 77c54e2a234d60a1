// RFC 4180 CSV reader that remembers the physical line each record starts on, so registry
// errors can name the line a person sees in their spreadsheet or editor.

export interface CsvRecord {
  /** 1-based line number of the record's first character. */
  line: number;
  /** Last physical line of the record (quoted fields may span lines). */
  endLine: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** Set when a quoted field never closes: the line it opened on. */
  unterminatedQuoteLine: number | null;
}

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let recordHasContent = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is not a record (trailing newline, spacer rows).
    if (recordHasContent || fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, endLine: line, fields });
    fields = [];
    field = '';
    recordHasContent = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      quoteLine = line;
      recordHasContent = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      recordHasContent = true;
    } else if (c === '\r' && text[i + 1] === '\n') {
      // handled by the \n
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      recordHasContent = true;
    }
  }
  if (inQuotes) return { records, unterminatedQuoteLine: quoteLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unterminatedQuoteLine: null };
}

