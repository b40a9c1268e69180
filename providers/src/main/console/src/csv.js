/**
 * One CSV cell (RFC 4180), quoted; a value a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) gets a leading ', as the server's access review does.
 */
function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return `"${text.replace(/"/g, '""')}"`;
}

/** The audit trail as CSV: time, action, actor, target, before and after (JSON). */
export function auditCsv(entries) {
  const header = 'time,action,actor,target,before,after';
  const rows = entries.map((e) => [e.time, e.action, e.actor?.username, e.target?.username,
    e.before ? JSON.stringify(e.before) : '', e.after ? JSON.stringify(e.after) : ''].map(cell).join(','));
  return [header, ...rows].join('\r\n') + '\r\n';
}

/** Saves text as a file the browser downloads. */
export function download(text, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
