using System.Buffers.Binary;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>
/// PDFsharp reads single TrueType fonts only, and Debian ships the Song-style CJK faces as collections (.ttc): this
/// copies one face's tables into a standalone font (UI.md).
/// </summary>
internal static class TrueTypeCollection
{
    public static byte[] ExtractFace(byte[] file, int face = 0)
    {
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366) // "ttcf"
        {
            return file;
        }

        var faceOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + (4 * face)));
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(faceOffset + 4));
        var headerLength = 12 + (16 * numTables);
        var tables = Enumerable.Range(0, numTables).Select(i =>
        {
            var record = file.AsSpan(faceOffset + 12 + (16 * i), 16);
            return (Record: record.ToArray(), Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }).ToList();

        var total = headerLength + tables.Sum(t => Align4(t.Length));
        var font = new byte[total];
        file.AsSpan(faceOffset, 12).CopyTo(font);
        var next = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (record, offset, length) = tables[i];
            BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(8), (uint)next);
            record.CopyTo(font.AsSpan(12 + (16 * i)));
            file.AsSpan(offset, length).CopyTo(font.AsSpan(next));
            next += Align4(length);
        }

        return font;
    }

    private static int Align4(int length) => (length + 3) & ~3;
}
