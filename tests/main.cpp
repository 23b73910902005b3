// The unit tests' entry point: doctest's own main (filters, reporters on the command line).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
