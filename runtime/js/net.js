// The net extension's bootstrap: nothing but registrations, so start-up does
// not grow; the modules themselves are lazy scripts.
(function (natives, internals) {
  'use strict';
})
