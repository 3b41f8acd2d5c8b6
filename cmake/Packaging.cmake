# `cpack -G DEB` in the build directory (or scripts/package) builds two
# Debian packages: lockscope (the programs, desktop entry, icon, metainfo, man
# pages, completion) and lockscope-dev (headers, static libraries, CMake
# package). Library dependencies are found by dpkg-shlibdeps; the SQL driver
# plugins are loaded at run time, so they are named here.
set(CPACK_PACKAGE_NAME lockscope)
set(CPACK_PACKAGE_VENDOR "The LockScope developers")
set(CPACK_PACKAGE_CONTACT "LockScope developers <lockscope-dev@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Lock inspector and lease lock library for PostgreSQL and SQLite")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME lockscope)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "libqt6sql6-psql, libqt6sql6-sqlite")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
    "Lock inspector for databases used as a lock service
 LockScope shows every lease in an aggregate_locks lease table and every
 PostgreSQL advisory lock held or awaited, counted down by the database clock,
 with blocking trees, sweep and owner-guarded force release, an audit log and
 a load generator. lockscope is the GUI, lockctl the command line.")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME lockscope-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "qt6-base-dev (>= 6.4), libqt6sql6-psql, libqt6sql6-sqlite, libpq-dev, libhiredis-dev, libsqlite3-dev")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
    "LockScope's lease lock library (C++20, Qt 6)
 Durable, cross-process leases over PostgreSQL and SQLite with fencing,
 heartbeats and bounded waits, PostgreSQL advisory locks, tracked migrations
 and admin actions. Use with find_package(LockScope) and LockScope::core.")
include(CPack)
