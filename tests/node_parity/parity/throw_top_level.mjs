// A module whose top level throws a value that is no error: an uncaught
// exception, as under Node, not a promise rejection no one handled.
console.log('before');
throw 'not an error';
