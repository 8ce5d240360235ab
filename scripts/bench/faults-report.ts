/** One printed figure: its value and, when it has one, the target it is held to. */
export interface Row {
  figure: string;
  value: string;
  target: string;
  pass?: boolean;
}

/** Prints a figure as it is measured and keeps it for the closing table. */
export type Report = (figure: string, value: string, target?: string, pass?: boolean) => void;

/** A report that prints as it goes, and a summary table at the end. */
export function createReport(): { report: Report; rows: Row[]; summary(title: string, seconds: number): void } {
  const rows: Row[] = [];
  const report: Report = (figure, value, target = "", pass) => {
    rows.push({ figure, value, target, pass });
    console.log(`  ${figure}: ${value}${target ? ` (target ${target}: ${pass ? "PASS" : "FAIL"})` : ""}`);
  };
  return {
    report,
    rows,
    summary(title, seconds) {
      const held = rows.filter((row) => row.pass !== undefined);
      const failed = held.filter((row) => row.pass === false);
      console.log(`\n${title} — ${held.length - failed.length} of ${held.length} targets met in ${seconds.toFixed(0)} s`);
      console.table(rows.map(({ figure, value, target, pass }) => ({ figure, value, target, result: pass === undefined ? "" : pass ? "PASS" : "FAIL" })));
    },
  };
}
