// Which names may name a time zone: the one rule the checker, the input
// readers and the runtime share.
//
// A zone name is looked up in the OS tz database, but not every name the
// database answers to is the same on every machine: `localtime` is whatever
// /etc/localtime points at, `posixrules` and `Factory` are artefacts of how
// the database was built, and a path (`/etc/localtime`, `../x`, `posix/…`,
// `right/…`) reaches files outside the IANA zones and links. Such names
// would make the same input give different output on two machines, so they
// are unknown zones everywhere. The empty string is no name: wherever a zone
// may be given (profiles, traits, `set customer.timezone`, test customers)
// it means the zone is absent, exactly like `null`.
#pragma once

#include <string_view>

namespace afterflow::stdlib {

/// False for names that depend on the machine or reach outside the IANA
/// zones and links (see above), and for the empty string; true for every
/// other name, which must then still be found in the tz database.
[[nodiscard]] bool is_portable_zone_name(std::string_view name);

}  // namespace afterflow::stdlib
