// A module whose top level throws an object that is no error: Node shows it
// as util.inspect does, with no hint.
throw { code: 42, list: [1, 'two'] };
