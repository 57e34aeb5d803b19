using System.Buffers.Binary;

namespace CreditPower.Documents;

/// <summary>
/// PDFsharp reads single TrueType fonts only, and Debian ships its Song face as a collection (.ttc): this copies the
/// first face's tables into a standalone font file.
/// </summary>
internal static class TrueTypeCollection
{
    public static byte[] FirstFace(byte[] file)
    {
        if (file.Length < 16 || file[0] != 't' || file[1] != 't' || file[2] != 'c' || file[3] != 'f')
        {
            return file;
        }

        var face = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(face + 4));
        var directoryLength = 12 + (16 * tableCount);
        var tables = Enumerable.Range(0, tableCount).Select(i =>
        {
            var entry = face + 12 + (16 * i);
            return (Entry: entry,
                Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(entry + 8)),
                Length: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(entry + 12)));
        }).ToList();

        var size = directoryLength + tables.Sum(t => Align(t.Length));
        var font = new byte[size];
        file.AsSpan(face, directoryLength).CopyTo(font);
        var at = directoryLength;
        for (var i = 0; i < tables.Count; i++)
        {
            file.AsSpan(tables[i].Offset, tables[i].Length).CopyTo(font.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + (16 * i) + 8), (uint)at);
            at += Align(tables[i].Length);
        }

        return font;
    }

    private static int Align(int length) => (length + 3) & ~3;
}
