#include "redis/redisreply.h"

namespace lockscope {

QByteArray RedisReply::errorCode() const {
    if (!isError())
        return {};
    const qsizetype space = str.indexOf(' ');
    return space < 0 ? str : str.left(space);
}

} // namespace lockscope
