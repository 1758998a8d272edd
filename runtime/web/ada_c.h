// The part of ada's C API (include/ada_c.h of ada 2.7.8, the version bundled
// in Node 18.20.4) that toysnap calls. libnode.so.108 exports these functions
// but ships no header, so their declarations live here and must match 2.7.8
// exactly: ada_url_test.cc calls each one. Only ada_url.cc includes this.
#ifndef TOYSNAP_RUNTIME_WEB_ADA_C_H_
#define TOYSNAP_RUNTIME_WEB_ADA_C_H_

#include <stddef.h>
#include <stdint.h>

extern "C" {

// Points into memory the ada object owns; valid until it changes or is freed.
typedef struct {
  const char* data;
  size_t length;
} ada_string;

// Allocated by ada; the caller frees it with ada_free_owned_string.
typedef struct {
  const char* data;
  size_t length;
} ada_owned_string;

typedef struct {
  ada_string key;
  ada_string value;
} ada_string_pair;

// Where each part lies in a URL's href (byte offsets); ada_url_omitted when absent.
typedef struct {
  uint32_t protocol_end;
  uint32_t username_end;
  uint32_t host_start;
  uint32_t host_end;
  uint32_t port;
  uint32_t pathname_start;
  uint32_t search_start;
  uint32_t hash_start;
} ada_url_components;
#define ada_url_omitted 0xffffffff

typedef void* ada_url;  // an ada::result<ada::url_aggregator>, valid or not
typedef void* ada_url_search_params;
typedef void* ada_url_search_params_entries_iter;

// Never null: check ada_is_valid, then ada_free in every case.
ada_url ada_parse(const char* input, size_t length);
ada_url ada_parse_with_base(const char* input, size_t input_length, const char* base,
                            size_t base_length);
bool ada_can_parse(const char* input, size_t length);
bool ada_can_parse_with_base(const char* input, size_t input_length, const char* base,
                             size_t base_length);
void ada_free(ada_url result);
void ada_free_owned_string(ada_owned_string owned);
bool ada_is_valid(ada_url result);

// Points into the ada object; valid until it changes or is freed.
const ada_url_components* ada_get_components(ada_url result);
ada_owned_string ada_get_origin(ada_url result);
ada_string ada_get_href(ada_url result);
ada_string ada_get_username(ada_url result);
ada_string ada_get_password(ada_url result);
ada_string ada_get_port(ada_url result);
ada_string ada_get_hash(ada_url result);
ada_string ada_get_host(ada_url result);
ada_string ada_get_hostname(ada_url result);
ada_string ada_get_pathname(ada_url result);
ada_string ada_get_search(ada_url result);
ada_string ada_get_protocol(ada_url result);

// The WHATWG setters; false when the URL refuses the value (and is unchanged).
bool ada_set_href(ada_url result, const char* input, size_t length);
bool ada_set_host(ada_url result, const char* input, size_t length);
bool ada_set_hostname(ada_url result, const char* input, size_t length);
bool ada_set_protocol(ada_url result, const char* input, size_t length);
bool ada_set_username(ada_url result, const char* input, size_t length);
bool ada_set_password(ada_url result, const char* input, size_t length);
bool ada_set_port(ada_url result, const char* input, size_t length);
bool ada_set_pathname(ada_url result, const char* input, size_t length);
void ada_set_search(ada_url result, const char* input, size_t length);
void ada_set_hash(ada_url result, const char* input, size_t length);

ada_owned_string ada_idna_to_unicode(const char* input, size_t length);

// application/x-www-form-urlencoded lists.
ada_url_search_params ada_parse_search_params(const char* input, size_t length);
void ada_free_search_params(ada_url_search_params result);
ada_owned_string ada_search_params_to_string(ada_url_search_params result);
void ada_search_params_append(ada_url_search_params result, const char* key, size_t key_length,
                              const char* value, size_t value_length);
ada_url_search_params_entries_iter ada_search_params_get_entries(ada_url_search_params result);
void ada_free_search_params_entries_iter(ada_url_search_params_entries_iter result);
ada_string_pair ada_search_params_entries_iter_next(ada_url_search_params_entries_iter result);
bool ada_search_params_entries_iter_has_next(ada_url_search_params_entries_iter result);

}  // extern "C"

#endif  // TOYSNAP_RUNTIME_WEB_ADA_C_H_
