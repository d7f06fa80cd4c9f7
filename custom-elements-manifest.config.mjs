// Custom Elements Manifest for Storybook's docs pages and for editors (shipped as custom-elements.json).

/**
 * The elements register through `LcElement.define('lc-x', LcX)` (a version-guarded
 * `customElements.define`), which the analyzer does not recognise by itself: record those
 * calls as custom-element definitions so every class gets its tag name.
 */
function lcElementDefine() {
  return {
    name: 'license-checkout:lc-element-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'define') return;
      if (callee.expression.getText() !== 'LcElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module: moduleDoc.path } },
      ];
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const def of moduleDoc.exports ?? []) {
        if (def.kind !== 'custom-element-definition') continue;
        const decl = moduleDoc.declarations?.find((d) => d.name === def.declaration.name);
        if (decl) Object.assign(decl, { customElement: true, tagName: def.name });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      // The analyzer also guesses event names from `dispatchEvent(new X(...))` calls, giving
      // entries like "" or "next"; the public events are the documented `lc-*` ones.
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.events) decl.events = decl.events.filter((event) => event.name?.startsWith('lc-'));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The mock, the pure logic and the React wrappers declare no elements.
  exclude: ['src/mock/**', 'src/react.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [lcElementDefine()],
};
