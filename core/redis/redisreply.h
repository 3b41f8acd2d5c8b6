#pragma once

#include <QByteArray>
#include <QList>

namespace lockscope {

// One reply of a Redis server, as a plain value (hiredis's reply tree copied
// out and freed at once), so it may cross threads.
struct RedisReply {
    enum class Type { String, Simple, Error, Integer, Nil, Array };
    Type type = Type::Nil;
    QByteArray str; // String, Simple (status), Error
    qint64 integer = 0;
    QList<RedisReply> elements;

    bool isError() const { return type == Type::Error; }
    bool isNil() const { return type == Type::Nil; }
    bool isString() const { return type == Type::String; }
    bool isArray() const { return type == Type::Array; }
    bool isInteger() const { return type == Type::Integer; }
    // The first word of an error reply ("NOSCRIPT", "WRONGPASS", …).
    QByteArray errorCode() const;
};

} // namespace lockscope
