#include "common/exporter.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lockscope::ui {

namespace {

QString csvField(QString text) {
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QVariant valueOf(const QAbstractItemModel *model, int row, int column) {
    const QModelIndex index = model->index(row, column);
    const QVariant exact = index.data(Exporter::ExportRole);
    return exact.isValid() ? exact : index.data();
}

} // namespace

QString Exporter::toCsv(const QAbstractItemModel *model) {
    QString out;
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << csvField(model->headerData(c, Qt::Horizontal).toString());
    out += header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < model->columnCount(); ++c)
            fields << csvField(valueOf(model, r, c).toString());
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

namespace {
QJsonObject rowObject(const QAbstractItemModel *model, int r) {
    QJsonObject o;
    for (int c = 0; c < model->columnCount(); ++c)
        o.insert(model->headerData(c, Qt::Horizontal).toString(),
                 QJsonValue::fromVariant(valueOf(model, r, c)));
    return o;
}
} // namespace

QString Exporter::rowToJson(const QAbstractItemModel *model, int row) {
    return QString::fromUtf8(QJsonDocument(rowObject(model, row)).toJson(QJsonDocument::Compact));
}

QString Exporter::toJson(const QAbstractItemModel *model) {
    QJsonArray rows;
    for (int r = 0; r < model->rowCount(); ++r)
        rows.append(rowObject(model, r));
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
}

} // namespace lockscope::ui
