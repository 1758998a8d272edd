// A CommonJS script whose top level throws a value that is no error.
console.log('before');
throw 1;
