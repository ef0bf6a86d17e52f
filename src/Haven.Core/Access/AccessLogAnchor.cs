using System.Globalization;
using Haven.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Haven.Core.Access;

public sealed record AnchorPoint(long Sequence, string Hash);

/// The hash chain proves that no entry was edited, removed from the middle or reordered, but
/// someone with write access to the database could still cut entries off the end, or rebuild the
/// whole chain. The anchor closes that gap: after every append, the newest sequence and hash are
/// written to a small file outside the database (Haven:Audit:AnchorPath; by default beside the
/// SQLite file, or under data/ for PostgreSQL). `audit verify` checks the log against it. When the
/// log is found behind or unlike its anchor, the old anchor is kept as evidence beside it
/// (*.mismatch-*) before logging carries on, so later writes cannot hide the cut.
public sealed class AccessLogAnchor
{
    private readonly ILogger _logger;

    public AccessLogAnchor(string path, ILogger<AccessLogAnchor>? logger = null)
    {
        FilePath = Path.GetFullPath(path);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string FilePath { get; }

    public static AccessLogAnchor From(IConfiguration configuration, DatabaseSettings settings, ILogger<AccessLogAnchor>? logger = null) =>
        new(configuration["Haven:Audit:AnchorPath"] is { Length: > 0 } path ? path : DefaultPath(settings), logger);

    public static string DefaultPath(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:") return file + ".access-log-anchor";
            return Path.Combine("data", "memory.access-log-anchor");
        }
        var pg = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var name = string.Concat($"{pg.Host}-{pg.Port}-{pg.Database}".Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine("data", name + ".access-log-anchor");
    }

    public AnchorPoint? Read()
    {
        if (!File.Exists(FilePath)) return null;
        return Parse(File.ReadAllText(FilePath));
    }

    /// Earlier anchors that the log was found not to match, kept as evidence.
    public IReadOnlyList<(string File, AnchorPoint? Point)> Mismatches()
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, Path.GetFileName(FilePath) + ".mismatch-*").Order()
            .Select(f => (f, Parse(File.ReadAllText(f)))).ToList();
    }

    /// Write-then-rename, so a crash leaves either the old anchor or the new one, never half of one.
    public void Write(AnchorPoint point)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{point.Sequence} {point.Hash}\n"));
        File.Move(temporary, FilePath, overwrite: true);
    }

    /// Anchors a log that is new as a whole (restored from a backup, or a generated borough's
    /// history) at its own last entry; removes the anchor when the log is empty. An anchor left by an
    /// earlier database at the same place would otherwise make the next append set it aside as evidence.
    public async Task AnchorAtTailAsync(HavenDbContext db, CancellationToken ct = default)
    {
        var tail = await db.AccessLog.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (tail is null) File.Delete(FilePath);
        else Write(new AnchorPoint(tail.Sequence, tail.Hash));
    }

    /// Called by the writer before its first append: if the log's tail no longer reaches the
    /// anchor, or the entry at the anchor's sequence is not the one anchored, the anchor is set
    /// aside as evidence. Returns false in that case.
    public async Task<bool> CheckBeforeAppendingAsync(long tailSequence, Func<long, Task<string?>> hashAt)
    {
        if (!File.Exists(FilePath)) return true;
        var anchor = Read();
        if (anchor is not null && anchor.Sequence <= tailSequence && await hashAt(anchor.Sequence) == anchor.Hash) return true;
        var evidence = $"{FilePath}.mismatch-{DateTime.UtcNow:yyyyMMddTHHmmssfff}";
        File.Move(FilePath, evidence);
        _logger.LogCritical("The access log does not reach its anchor (anchored at entry {Sequence}, log ends at {Tail}); the anchor is kept at {Evidence}",
            anchor?.Sequence, tailSequence, evidence);
        return false;
    }

    /// Compares a verified chain's tail with the anchor and any kept mismatches; null when they agree
    /// (or when there is no anchor yet, as on a database that has never been written to).
    public async Task<string?> ProblemAsync(long tailSequence, Func<long, Task<string?>> hashAt)
    {
        foreach (var (file, point) in Mismatches())
            return $"the log was earlier found cut short or rebuilt: anchored at entry {point?.Sequence.ToString(CultureInfo.InvariantCulture) ?? "?"} (evidence kept in {file})";
        if (!File.Exists(FilePath)) return null;
        var anchor = Read();
        if (anchor is null) return $"the anchor file {FilePath} is unreadable";
        if (anchor.Sequence > tailSequence)
            return $"entries after {tailSequence} are missing: the log was anchored at entry {anchor.Sequence}";
        if (await hashAt(anchor.Sequence) != anchor.Hash)
            return $"the log has been rebuilt: entry {anchor.Sequence} is not the entry that was anchored";
        return null;
    }

    private static AnchorPoint? Parse(string text)
    {
        var parts = text.Trim().Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? new AnchorPoint(sequence, parts[1]) : null;
    }
}
