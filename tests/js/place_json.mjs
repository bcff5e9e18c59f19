/* placement.js's `place` on labels given as JSON on stdin, its answers as JSON on stdout, for
   tests/test_placement.py, which asks dashboard/figures/placement.py the same questions.
   In: {widths: {char: thousandths of the font size}, cases: [{labels, width, rows: [[lane y, rows]],
   numbered, size}]}; label x is already in px. Text is measured as the server measures it. */
import { boxWidth, place } from "../../assets/js/placement.js";

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { widths, cases } = JSON.parse(input);
  const answers = cases.map(({ labels, width, rows, numbered, size }) => {
    const measure = (text) => [...text].reduce((sum, char) => sum + widths[char], 0) * size / 1000;
    const result = place(labels, {
      xOf: (x) => x, width, rowsOf: (y) => new Map(rows).get(y), numbered, widthOf: boxWidth(measure),
    });
    return { shown: labels.map((label, index) => result.shown[index] || null), hidden: result.hidden, need: result.need };
  });
  process.stdout.write(JSON.stringify(answers));
});
