/* The width under which a screen counts as a phone's: the chart stands upright (labels.js) and the
   filters fold into a drawer (explorer.js). The one home of the number for the scripts; CSS media
   queries cannot read a variable, so assets/style.css repeats it (600px, 599px) and says so. */
const NARROW_PX = 600;

/* Whether the window is a phone's width. */
export function narrowWindow() {
  return window.innerWidth < NARROW_PX;
}
