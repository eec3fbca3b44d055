// Splits a byte stream into lines and hands each complete one to onLine, with the byte offset just past
// its newline (counted from the first chunk).
export function lineSplitter(onLine: (line: string, end: number) => void): (chunk: Buffer) => void {
  let pending: Buffer[] = [];
  let seen = 0;
  return (chunk) => {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, i));
      onLine(Buffer.concat(pending).toString("utf8"), seen + i + 1);
      pending = [];
      start = i + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
    seen += chunk.length;
  };
}
