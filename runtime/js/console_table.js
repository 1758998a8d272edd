// console.table (Node 20's, with its box drawing): rows of arrays, objects,
// arrays of objects, Maps, Sets and their iterators, a `properties` filter.
// Compiled on the first console.table; returns table(console, data,
// properties, inspect).
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeUnshift, MathMax,
    ObjectCreate, ObjectKeys, ObjectPrototypeHasOwnProperty, ObjectValues, ReflectApply,
    StringPrototypeRepeat, TypedArrayPrototypeGetSymbolToStringTag,
  } = internals.primordials;
  const { invalidArgType } = internals.nodeErrors;
  const { getStringWidth } = internals.inspectLayout;

  const kIndexKey = '(index)';
  const kIterationKey = '(iteration index)';
  const kKeyKey = 'Key';
  const kValuesKey = 'Values';

  function renderRow(row, widths) {
    let out = '│ ';
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      out += cell + StringPrototypeRepeat(' ', widths[i] - getStringWidth(cell));
      if (i !== row.length - 1) out += ' │ ';
    }
    return `${out} │`;
  }

  // head: the column titles; columns: one (possibly sparse) array of cells each.
  function render(head, columns) {
    const widths = [];
    for (let i = 0; i < head.length; i++) widths[i] = getStringWidth(head[i]);
    let rowCount = 0;
    for (let i = 0; i < columns.length; i++) rowCount = MathMax(rowCount, columns[i].length);
    const rows = [];
    for (let i = 0; i < head.length; i++) {
      const column = columns[i];
      for (let j = 0; j < rowCount; j++) {
        rows[j] ??= [];
        const cell = rows[j][i] = ObjectPrototypeHasOwnProperty(column, j) ? column[j] : '';
        widths[i] = MathMax(widths[i] || 0, getStringWidth(cell));
      }
    }
    const divider = [];
    for (let i = 0; i < widths.length; i++) divider[i] = StringPrototypeRepeat('─', widths[i] + 2);
    let result = `┌${ArrayPrototypeJoin(divider, '┬')}┐\n${renderRow(head, widths)}\n` +
                 `├${ArrayPrototypeJoin(divider, '┼')}┤\n`;
    for (let j = 0; j < rows.length; j++) result += `${renderRow(rows[j], widths)}\n`;
    return `${result}└${ArrayPrototypeJoin(divider, '┴')}┘`;
  }

  const isArrayLike = (value) =>
    ArrayIsArray(value) || TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined;

  return function table(self, data, properties, inspect) {
    if (properties !== undefined && !ArrayIsArray(properties)) {
      throw invalidArgType('properties', 'Array', properties);
    }
    const log = (text) => ReflectApply(self.log, self, [text]);
    if (data === null || typeof data !== 'object') return log(data);

    // Cells: nested objects with more than two keys shrink to [Object].
    const cell = (value) => inspect(value, {
      depth: value !== null && typeof value === 'object' && !isArrayLike(value) &&
        ObjectKeys(value).length > 2 ? -1 : 0,
      maxArrayLength: 3,
      breakLength: Infinity,
    });
    const indexes = (length) => {
      const column = [];
      for (let i = 0; i < length; i++) column[i] = cell(i);
      return column;
    };

    // Maps, Sets and their iterators, read without running their iterators.
    const collection = natives.previewEntries(data);
    if (collection !== undefined) {
      const kind = collection[0];
      const entries = collection[1];
      const isKeyValue = collection[2];
      // A Set's entries() iterator lists each value twice, as in Node.
      if (isKeyValue && kind !== 'setIterator') {
        const keys = [];
        const values = [];
        for (let i = 0; i + 1 < entries.length; i += 2) {
          ArrayPrototypePush(keys, cell(entries[i]));
          ArrayPrototypePush(values, cell(entries[i + 1]));
        }
        return log(render([kIterationKey, kKeyKey, kValuesKey], [indexes(keys.length), keys, values]));
      }
      if (kind !== 'map') {
        const values = [];
        for (let i = 0; i < entries.length; i++) values[i] = cell(entries[i]);
        return log(render([kIterationKey, kValuesKey], [indexes(values.length), values]));
      }
    }

    const byKey = ObjectCreate(null);
    let hasPrimitives = false;
    const primitiveValues = [];
    const rowKeys = ObjectKeys(data);
    for (let i = 0; i < rowKeys.length; i++) {
      const item = data[rowKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        primitiveValues[i] = cell(item);
        continue;
      }
      const keys = properties || ObjectKeys(item);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        byKey[key] ??= [];
        byKey[key][i] = (primitive && properties) || !ObjectPrototypeHasOwnProperty(item, key)
          ? '' : cell(item[key]);
      }
    }
    const head = ObjectKeys(byKey);
    const columns = ObjectValues(byKey);
    if (hasPrimitives) {
      ArrayPrototypePush(head, kValuesKey);
      ArrayPrototypePush(columns, primitiveValues);
    }
    ArrayPrototypeUnshift(head, kIndexKey);
    ArrayPrototypeUnshift(columns, rowKeys);
    return log(render(head, columns));
  };
})
