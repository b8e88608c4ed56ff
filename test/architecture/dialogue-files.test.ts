/**
 * The dialogue's logic stays small and free of copy: every file of src/dialogue outside its
 * content folder has at most 300 lines, and none holds Japanese in a string, template,
 * regular expression or name (comments may). All words live in src/dialogue/content/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");
const DIALOGUE = join(ROOT, "src", "dialogue");
const MAX_LINES = 300;
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function logicFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "content" ? [] : logicFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The Japanese literals and names in `source`, with their line numbers. */
export function japaneseIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isRegularExpressionLiteral(node) ||
      ts.isIdentifier(node);
    if (literal && JAPANESE.test(node.getText(file))) {
      found.push(`line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${node.getText(file).slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const files = logicFiles(DIALOGUE).map((path) => ({ name: relative(ROOT, path), source: readFileSync(path, "utf8") }));

describe("the dialogue's logic files", () => {
  it("are found", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("$name has at most 300 lines", ({ source }) => {
    expect(source.split("\n").length).toBeLessThanOrEqual(MAX_LINES + 1);
  });

  it.each(files)("$name holds no Japanese outside comments", ({ name, source }) => {
    expect(japaneseIn(name, source)).toEqual([]);
  });

  it("the check finds Japanese in a string, a regular expression and a name, but not in a comment", () => {
    const sample = '// ありがとう\nconst a = "はい";\nconst b = /曜日/;\nconst 名前 = 1;\n';
    expect(japaneseIn("sample.ts", sample)).toEqual(['line 2: "はい"', "line 3: /曜日/", "line 4: 名前"]);
  });
});
