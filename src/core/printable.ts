/** C0 controls, DEL and C1 controls (CSI 0x9b among them): a terminal acts on them rather than showing them. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Remote text made safe to print: line breaks and tabs become spaces, every other control character is
 * dropped, so a feed or a server cannot colour, retitle or rewrite the editor's terminal. Anything read from
 * the network goes through this before it reaches the terminal or a file an editor reads.
 */
export function printable(text: string): string {
  return text.replace(/[\t\n\r]+/g, ' ').replace(CONTROLS, '');
}
