using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Access;

public sealed record AccessEvent(string UserName, int? WorkerId, AccessAction Action, int? ChildId, string Resource, string? Detail = null);

/// Writes the append-only, hash-chained access log. Entries are written in their own context and
/// transaction, so a view is logged even if the page that caused it later fails.
public sealed class AccessLog(IDbContextFactory<HavenDbContext> contexts, TimeProvider clock, AccessLogAnchor anchor)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // One writer at a time in this process keeps the chain linear; the primary key on Sequence
    // makes a second process's competing append fail (and retry) rather than fork the chain.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Sequence, string Hash)? _last;

    public async Task WriteAsync(AccessEvent e, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                if (_last is null)
                {
                    var tail = await db.AccessLog.OrderByDescending(x => x.Sequence)
                        .Select(x => new { x.Sequence, x.Hash }).FirstOrDefaultAsync(ct);
                    _last = tail is null ? (0, GenesisHash) : (tail.Sequence, tail.Hash);
                    await anchor.CheckBeforeAppendingAsync(_last.Value.Sequence, sequence =>
                        db.AccessLog.Where(x => x.Sequence == sequence).Select(x => x.Hash).FirstOrDefaultAsync(ct));
                }
                var entry = new AccessLogEntry
                {
                    Sequence = _last.Value.Sequence + 1,
                    At = Truncate(clock.GetUtcNow().UtcDateTime),
                    UserName = Clip(e.UserName, 256),
                    WorkerId = e.WorkerId,
                    Action = e.Action,
                    ChildId = e.ChildId,
                    Resource = Clip(e.Resource, 300),
                    Detail = e.Detail is null ? null : Clip(e.Detail, 1000),
                    PreviousHash = _last.Value.Hash,
                    Hash = "",
                };
                entry.Hash = ComputeHash(entry);
                db.AccessLog.Add(entry);
                try
                {
                    await db.SaveChangesAsync(ct);
                    _last = (entry.Sequence, entry.Hash);
                    WriteAnchor(entry);
                    return;
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    _last = null; // another writer appended first: re-read the tail and try again
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void WriteAnchor(AccessLogEntry entry)
    {
        try
        {
            anchor.Write(new AnchorPoint(entry.Sequence, entry.Hash));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The entry is committed; a missed anchor only weakens tail detection until the next write.
        }
    }

    /// The hash covers every field and the previous entry's hash, in a fixed textual form.
    public static string ComputeHash(AccessLogEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserName, e.WorkerId?.ToString(CultureInfo.InvariantCulture) ?? "", e.Action.ToString(),
            e.ChildId?.ToString(CultureInfo.InvariantCulture) ?? "", e.Resource, e.Detail ?? "", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    // Databases differ in sub-microsecond precision; hash what every provider stores exactly.
    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}

public sealed record ChainVerification(bool IsValid, long EntriesChecked, long? FirstBadSequence, string? Problem);

/// Walks the access log in order and checks every link: sequence without gaps, each entry's
/// previous hash equal to the hash of the one before, and each hash matching its content.
public static class AccessLogVerifier
{
    /// With an anchor, also checks that the log still reaches the last entry written (see AccessLogAnchor).
    public static async Task<ChainVerification> VerifyAsync(HavenDbContext db, AccessLogAnchor? anchor, CancellationToken ct = default)
    {
        var chain = await VerifyAsync(db, ct);
        if (!chain.IsValid || anchor is null) return chain;
        var problem = await anchor.ProblemAsync(chain.EntriesChecked, sequence =>
            db.AccessLog.Where(x => x.Sequence == sequence).Select(x => x.Hash).FirstOrDefaultAsync(ct));
        return problem is null ? chain : new(false, chain.EntriesChecked, chain.EntriesChecked + 1, problem);
    }

    public static async Task<ChainVerification> VerifyAsync(HavenDbContext db, CancellationToken ct = default)
    {
        var previousHash = AccessLog.GenesisHash;
        long expected = 1, checkedCount = 0;
        const int page = 5000;
        long after = 0;
        while (true)
        {
            var batch = await db.AccessLog.AsNoTracking().Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(page).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch)
            {
                if (e.Sequence != expected)
                    return new(false, checkedCount, expected, $"entry {expected} is missing (next entry is {e.Sequence})");
                if (e.PreviousHash != previousHash)
                    return new(false, checkedCount, e.Sequence, $"entry {e.Sequence} does not follow entry {e.Sequence - 1} (previous hash differs)");
                if (AccessLog.ComputeHash(e) != e.Hash)
                    return new(false, checkedCount, e.Sequence, $"entry {e.Sequence} has been altered (its hash does not match its content)");
                previousHash = e.Hash;
                expected++;
                checkedCount++;
                after = e.Sequence;
            }
        }
        return new(true, checkedCount, null, null);
    }
}
