#pragma once

// LockScope's lease lock library in one include: <lockscope/lockscope.h>.
//
//   find_package(LockScope REQUIRED)
//   target_link_libraries(app PRIVATE LockScope::core)
//
// Leases over PostgreSQL or SQLite (LeaseManager, Lease, heartbeat, fencing),
// PostgreSQL advisory locks on connections of their own (AdvisoryLock,
// CriticalSection over ConnectionPool), the tracked migrations that create the
// tables, and the inspector queries and admin actions the tools use. Every
// call returns a Result<T>: a value, or an Error with a sentence for a person.

#include "base/version.h"

#include "base/canceltoken.h"
#include "base/duration.h"
#include "base/error.h"
#include "base/result.h"

#include "db/connectionparams.h"
#include "db/connectionpool.h"
#include "db/database.h"
#include "db/drivernoise.h"
#include "db/migrator.h"
#include "db/pooledconnection.h"

#include "redis/redisconnection.h"

#include "lease/fencedwrite.h"
#include "lease/lease.h"
#include "lease/leaseconfig.h"
#include "lease/leaseinfo.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "lease/ownersessions.h"
#include "lease/redisfencedwrite.h"
#include "lease/redisinspector.h"

#include "advisory/advisoryinspector.h"
#include "advisory/advisorykey.h"
#include "advisory/advisorylock.h"
#include "advisory/criticalsection.h"

#include "server/blockingtree.h"
#include "server/serverlockinspector.h"
#include "server/serverprobe.h"

#include "admin/adminactions.h"
#include "admin/auditlog.h"
#include "admin/backendactions.h"
#include "admin/redisrelease.h"
