#include "stdlib/time_zone_names.hpp"

#include <gtest/gtest.h>

namespace afterflow::stdlib {
namespace {

TEST(time_zone_names, iana_zone_and_link_names_are_portable) {
  for (const auto* name : {"Europe/Prague", "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+5",
                           "Etc/GMT-14", "UTC", "US/Eastern", "EST5EDT", "GMT0"}) {
    EXPECT_TRUE(is_portable_zone_name(name)) << name;
  }
}

TEST(time_zone_names, names_that_depend_on_the_machine_are_not) {
  for (const auto* name :
       {"", "localtime", "posixrules", "Factory", "/etc/localtime", "/usr/share/zoneinfo/UTC", "posix/Europe/Prague",
        "right/UTC", "Europe/../Europe/Prague", "../zoneinfo/UTC", "Europe//Prague", "Europe/Prague/", "./UTC",
        "Europe/.hidden", "Europe/Prague ", "Europe\\Prague", "zone.tab\n"}) {
    EXPECT_FALSE(is_portable_zone_name(name)) << name;
  }
}

}  // namespace
}  // namespace afterflow::stdlib
