// Every module a source file names: import and export-from (type-only included), import x = require,
// dynamic import() and import('x') types. Read with the TypeScript parser, so comments and strings
// that merely look like imports are not counted and multi-line lists need no special care.
import ts from 'typescript';

export interface ImportRef {
  /** The specifier as written; undefined when a dynamic import() computes it. */
  spec: string | undefined;
  /** 1-based line of the statement or expression that imports. */
  line: number;
}

export function readImports(path: string, source: string): ImportRef[] {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: ImportRef[] = [];
  const add = (at: ts.Node, spec: ts.Node | undefined): void => {
    const line = sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1;
    const literal = spec !== undefined && (ts.isStringLiteral(spec) || ts.isNoSubstitutionTemplateLiteral(spec));
    found.push({ spec: literal ? spec.text : undefined, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
