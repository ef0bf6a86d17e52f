using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Returns.DfeFeed;

/// One child to go: the payload as it will be sent (with any purge markers), and the rebuilt payload
/// without them (its JSON and hash become the last accepted once the DfE takes it). A top-level purge
/// (the child left scope) has no rebuilt payload.
public sealed record DfeFeedItem(int ChildId, DfeChild Payload, string? RebuiltJson, string? RebuiltHash, IReadOnlyList<string> SchemaErrors)
{
    public bool IsPurge => Payload.Purge == true;
    /// One sentence per purge marker in Payload: what goes and the local change behind it (DfeFeedPurges).
    public IReadOnlyList<string> PurgeCauses { get; init; } = [];
}

/// Where a send is written in the access log, and as whom (the scheduler, or the person at the CLI).
public sealed record DfeFeedAudit(AccessLog Log, string UserName, int? WorkerId = null);

/// What a run would send: the children in scope, those changed (or all, for a full run), the purges.
public sealed record DfeFeedPlan(int InScope, IReadOnlyList<DfeFeedItem> Items)
{
    public IEnumerable<DfeFeedItem> Valid => Items.Where(i => i.SchemaErrors.Count == 0);
    public IEnumerable<DfeFeedItem> Invalid => Items.Where(i => i.SchemaErrors.Count > 0);
}

public sealed record DfeFeedResult(int? SendId, DfeFeedMode Mode, bool Full, int InScope, int Children, int Purges, int Batches, int Accepted, int Failed, int Invalid,
    IReadOnlyList<string> Files, string Message, bool Sent);

/// The feed from end to end: rebuild every in-scope child's payload, compare it with the last one
/// the DfE accepted (changes only unless full), add purge markers for items sent before and now
/// gone and a top-level purge for each child who left scope, then write the exact batches to a
/// folder (dry run) or send them, recording every outcome against each child as it happens.
public static class DfeFeedRun
{
    public static async Task<DfeFeedPlan> PlanAsync(HavenDbContext db, DateOnly today, DfeFeedOptions options, bool full, CancellationToken ct,
        IReadOnlyCollection<int>? onlyChildren = null)
    {
        var payloads = await DfeFeedBuilder.BuildAsync(db, today, options, ct, onlyChildren);
        var submissions = await db.DfeFeedSubmissions.AsNoTracking().ToDictionaryAsync(s => s.ChildId, ct);
        var items = new List<DfeFeedItem>();
        var inScope = new HashSet<int>();
        var windowStart = today.AddYears(-Math.Max(0, options.CohortYears));
        foreach (var payload in payloads)
        {
            if (!HavenIds.TryParse(payload.LaChildId, out var childId)) continue;
            inScope.Add(childId);
            var json = DfeFeedJson.Serialize(payload);
            var hash = DfeFeedJson.Hash(json);
            submissions.TryGetValue(childId, out var last);
            if (!full && last?.AcceptedHash == hash) continue;
            var previous = last?.AcceptedJson is { } lastJson ? JsonSerializer.Deserialize<DfeChild>(lastJson, DfeFeedJson.Options) : null;
            var toSend = previous is null ? payload : WithPurges(payload, previous);
            items.Add(new DfeFeedItem(childId, toSend, json, hash, DfeFeedJson.Validate(toSend))
            {
                PurgeCauses = previous is null ? [] : await DfeFeedPurges.ExplainAsync(db, childId, toSend, windowStart, ct),
            });
        }
        // Children the DfE holds who are no longer in scope: purge everything held for them.
        foreach (var left in submissions.Values.Where(s => s.AcceptedJson is not null && !inScope.Contains(s.ChildId)
                     && (onlyChildren is null || onlyChildren.Contains(s.ChildId))).OrderBy(s => s.ChildId))
        {
            var purge = new DfeChild { LaChildId = left.LaChildId, Purge = true };
            items.Add(new DfeFeedItem(left.ChildId, purge, null, null, [])
            {
                PurgeCauses = await DfeFeedPurges.ExplainAsync(db, left.ChildId, purge, windowStart, ct),
            });
        }
        return new DfeFeedPlan(inScope.Count, items);
    }

    /// The rebuilt payload plus `{ "<x>_id": …, "purge": true }` for each item the DfE was sent before
    /// and that is gone now (an episode, an assessment, a plan, a section 47, a placement), and a
    /// purged block where adoption, care leaver or health data went.
    public static DfeChild WithPurges(DfeChild current, DfeChild previous)
    {
        var episodes = (current.SocialCareEpisodes ?? []).ToList();
        var currentById = episodes.ToDictionary(e => e.SocialCareEpisodeId);
        for (var i = 0; i < episodes.Count; i++)
        {
            var now = episodes[i];
            var before = previous.SocialCareEpisodes?.FirstOrDefault(e => e.SocialCareEpisodeId == now.SocialCareEpisodeId);
            if (before is null) continue;
            episodes[i] = now with
            {
                ChildAndFamilyAssessments = Merge(now.ChildAndFamilyAssessments, before.ChildAndFamilyAssessments, a => a.ChildAndFamilyAssessmentId,
                    id => new DfeAssessment { ChildAndFamilyAssessmentId = id, Purge = true }),
                ChildInNeedPlans = Merge(now.ChildInNeedPlans, before.ChildInNeedPlans, p => p.ChildInNeedPlanId,
                    id => new DfeChildInNeedPlan { ChildInNeedPlanId = id, Purge = true }),
                Section47Assessments = Merge(now.Section47Assessments, before.Section47Assessments, s => s.Section47AssessmentId,
                    id => new DfeSection47 { Section47AssessmentId = id, Purge = true }),
                ChildProtectionPlans = Merge(now.ChildProtectionPlans, before.ChildProtectionPlans, c => c.ChildProtectionPlanId,
                    id => new DfeChildProtectionPlan { ChildProtectionPlanId = id, Purge = true }),
                ChildLookedAfterPlacements = Merge(now.ChildLookedAfterPlacements, before.ChildLookedAfterPlacements, p => p.ChildLookedAfterPlacementId,
                    id => new DfePlacement { ChildLookedAfterPlacementId = id, Purge = true }),
                Adoption = now.Adoption ?? (before.Adoption is null ? null : new DfeAdoption { Purge = true }),
                CareLeavers = now.CareLeavers ?? (before.CareLeavers is null ? null : new DfeCareLeavers { Purge = true }),
            };
        }
        foreach (var gone in (previous.SocialCareEpisodes ?? []).Where(e => !currentById.ContainsKey(e.SocialCareEpisodeId)))
            episodes.Add(new DfeSocialCareEpisode { SocialCareEpisodeId = gone.SocialCareEpisodeId, Purge = true });
        return current with
        {
            SocialCareEpisodes = episodes.Count == 0 ? null : episodes,
            HealthAndWellbeing = current.HealthAndWellbeing ?? (previous.HealthAndWellbeing is null ? null : new DfeHealthAndWellbeing { Purge = true }),
        };
    }

    private static IReadOnlyList<T>? Merge<T>(IReadOnlyList<T>? now, IReadOnlyList<T>? before, Func<T, string> id, Func<string, T> purge)
    {
        var present = (now ?? []).Select(id).ToHashSet();
        var gone = (before ?? []).Select(id).Where(x => !present.Contains(x)).Distinct().Select(purge).ToList();
        if (gone.Count == 0) return now;
        return [.. now ?? [], .. gone];
    }

    /// A send that has not finished after this long is taken to have died with its process, and no
    /// longer holds off the next one.
    public static readonly TimeSpan RunLease = TimeSpan.FromHours(6);

    // One send at a time per database in this process; across processes (the CLI beside the web
    // app) an unfinished send younger than RunLease holds off the next.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// Runs the feed. Dry run: writes batch-0001.json… (the exact bodies that would be posted) into
    /// folder and records the run; nothing else changes. Test/Live: nothing leaves Haven unless the
    /// endpoint and every credential are configured; otherwise the result says what is missing.
    /// Never two sends at once: while one runs, another is refused and recorded as not sent.
    /// With audit, each purge is written to the access log with its cause, and each send once.
    public static async Task<DfeFeedResult> RunAsync(HavenDbContext db, DfeFeedOptions options, DfeFeedMode mode, bool full, DateOnly today,
        HttpClient? http, string? folder, TimeProvider clock, CancellationToken ct, IReadOnlyCollection<int>? onlyChildren = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null, DfeFeedAudit? audit = null)
    {
        if (mode != DfeFeedMode.DryRun)
        {
            var missing = options.MissingFor(mode);
            if (missing.Count > 0 || http is null)
                return new DfeFeedResult(null, mode, full, 0, 0, 0, 0, 0, 0, 0, [],
                    $"Nothing was sent: the DfE feed is not configured for {mode} sending. Set {string.Join(", ", missing)} (configuration or environment, e.g. Haven__DfeFeed__ClientId).", false);
        }
        else if (string.IsNullOrWhiteSpace(folder))
            return new DfeFeedResult(null, mode, full, 0, 0, 0, 0, 0, 0, 0, [], "A dry run needs a folder to write the batches into (--out).", false);
        if (mode == DfeFeedMode.DryRun) return await RunOnceAsync(db, options, mode, full, today, http, folder, clock, ct, onlyChildren, delay, audit);

        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct)) return await RefuseAsync(db, mode, full, clock, "another send from this server is still running", ct);
        try
        {
            return await RunOnceAsync(db, options, mode, full, today, http, folder, clock, ct, onlyChildren, delay, audit);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<DfeFeedResult> RefuseAsync(HavenDbContext db, DfeFeedMode mode, bool full, TimeProvider clock, string why, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var send = new DfeFeedSend { StartedAt = now, FinishedAt = now, Mode = mode, Full = full, Outcome = $"Not sent: {why} (never two sends at once)." };
        db.DfeFeedSends.Add(send);
        await db.SaveChangesAsync(ct);
        return new DfeFeedResult(send.Id, mode, full, 0, 0, 0, 0, 0, 0, 0, [], send.Outcome, false);
    }

    private static async Task<DfeFeedResult> RunOnceAsync(HavenDbContext db, DfeFeedOptions options, DfeFeedMode mode, bool full, DateOnly today,
        HttpClient? http, string? folder, TimeProvider clock, CancellationToken ct, IReadOnlyCollection<int>? onlyChildren,
        Func<TimeSpan, CancellationToken, Task>? delay, DfeFeedAudit? audit)
    {
        var send = new DfeFeedSend { StartedAt = clock.GetUtcNow().UtcDateTime, Mode = mode, Full = full, Outcome = "Running" };
        db.DfeFeedSends.Add(send);
        await db.SaveChangesAsync(ct);
        if (mode != DfeFeedMode.DryRun)
        {
            // Claim first, then look: of two processes starting together, the one whose row came
            // first goes and the other stands down, so the check cannot pass for both.
            var since = send.StartedAt - RunLease;
            var running = await db.DfeFeedSends.AsNoTracking()
                .Where(s => s.Id < send.Id && s.Mode != DfeFeedMode.DryRun && s.FinishedAt == null && s.StartedAt > since)
                .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
            if (running is not null)
            {
                send.FinishedAt = clock.GetUtcNow().UtcDateTime;
                send.Outcome = $"Not sent: send {running.Id}, started at {running.StartedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, "
                    + "has not finished (never two sends at once).";
                await db.SaveChangesAsync(ct);
                return new DfeFeedResult(send.Id, mode, full, 0, 0, 0, 0, 0, 0, 0, [], send.Outcome, false);
            }
        }
        try
        {
            return await SendAsync(db, send, options, mode, full, today, http, folder, clock, ct, onlyChildren, delay, audit);
        }
        catch (Exception e)
        {
            // The send record says how it ended, so the lease is let go and the page shows the failure;
            // children already accepted stay recorded, the rest go with the next send.
            send.FinishedAt = clock.GetUtcNow().UtcDateTime;
            send.Outcome = Cut(e is OperationCanceledException ? "Stopped before the end (the app or the command was stopped)." : $"Failed: {e.Message}", 400);
            db.ChangeTracker.Clear();
            db.DfeFeedSends.Update(send);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private static async Task<DfeFeedResult> SendAsync(HavenDbContext db, DfeFeedSend send, DfeFeedOptions options, DfeFeedMode mode, bool full, DateOnly today,
        HttpClient? http, string? folder, TimeProvider clock, CancellationToken ct, IReadOnlyCollection<int>? onlyChildren,
        Func<TimeSpan, CancellationToken, Task>? delay, DfeFeedAudit? audit)
    {
        var plan = await PlanAsync(db, today, options, full, ct, onlyChildren);
        var valid = plan.Valid.ToList();
        var byLaId = valid.ToDictionary(i => i.Payload.LaChildId);
        send.Children = plan.Items.Count;
        send.Purges = plan.Items.Count(i => i.IsPurge);
        send.Invalid = plan.Invalid.Count();
        send.ChildIds = string.Join(' ', plan.Items.Select(i => i.Payload.LaChildId));
        await db.SaveChangesAsync(ct);

        // Children whose payload fails the schema are not sent; the reason is kept against each.
        foreach (var bad in plan.Invalid)
            await RecordAsync(db, bad.ChildId, bad.Payload.LaChildId, send.Id, s =>
            {
                s.Status = DfeSubmissionStatus.Error;
                s.Error = Cut("Not sent: the payload does not match the DfE schema: " + string.Join("; ", bad.SchemaErrors.Take(5)), 2000);
                s.ErrorAt = send.StartedAt;
            }, ct);

        var size = Math.Clamp(options.BatchSize, 1, 100);
        var files = new List<string>();
        if (mode == DfeFeedMode.DryRun)
        {
            Directory.CreateDirectory(folder!);
            var n = 0;
            foreach (var batch in valid.Chunk(size))
            {
                var path = Path.Combine(folder!, $"batch-{++n:0000}.json");
                await File.WriteAllTextAsync(path, DfeFeedJson.SerializeBatch(batch.Select(i => i.Payload).ToList()), ct);
                files.Add(path);
            }
            send.Batches = n;
            send.Outcome = $"Dry run: {valid.Count} children in {n} batches written; nothing sent.";
            send.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return Result(send, plan, files, send.Outcome, false);
        }

        var sender = new DfeFeedSender(http!, options, mode, delay);
        await sender.SendAsync(valid.Select(i => i.Payload).ToList(), async outcome =>
        {
            send.Batches++;
            var at = clock.GetUtcNow().UtcDateTime;
            var purges = new List<AccessEvent>();
            foreach (var laId in outcome.ChildIds)
            {
                var item = byLaId[laId];
                if (item.PurgeCauses.Count > 0 && audit is not null)
                    purges.Add(new AccessEvent(audit.UserName, audit.WorkerId, AccessAction.Export, item.ChildId, $"dfe-feed/send/{send.Id}",
                        $"DfE purge ({mode}, {(outcome.Status == DfeBatchStatus.Accepted ? "accepted" : "not accepted")}): {string.Join("; ", item.PurgeCauses)}"));
                await RecordAsync(db, item.ChildId, laId, send.Id, s =>
                {
                    if (outcome.Status == DfeBatchStatus.Accepted)
                    {
                        s.AcceptedJson = item.RebuiltJson;
                        s.AcceptedHash = item.RebuiltHash;
                        s.AcceptedAt = at;
                        s.Receipt = outcome.ReceiptFor(laId);
                        s.Status = item.IsPurge ? DfeSubmissionStatus.Purged : DfeSubmissionStatus.Accepted;
                        s.Error = null;
                        s.ErrorAt = null;
                        if (item.PurgeCauses.Count > 0)
                        {
                            s.LastPurge = Cut(string.Join("; ", item.PurgeCauses), 1000);
                            s.LastPurgeAt = at;
                        }
                    }
                    else
                    {
                        s.Status = DfeSubmissionStatus.Error;
                        s.Error = Cut(outcome.Error ?? outcome.Status.ToString(), 2000);
                        s.ErrorAt = at;
                    }
                }, ct, save: false);
            }
            if (outcome.Status == DfeBatchStatus.Accepted) send.Accepted += outcome.ChildIds.Count;
            else send.Failed += outcome.ChildIds.Count;
            // Recorded at once, in one transaction with the batch's children: a batch accepted is never sent again.
            await db.SaveChangesAsync(CancellationToken.None);
            foreach (var purge in purges) await audit!.Log.WriteAsync(purge, CancellationToken.None);
        }, ct);
        send.FinishedAt = clock.GetUtcNow().UtcDateTime;
        send.Outcome = send.Failed == 0 && send.Invalid == 0
            ? $"Sent to the {mode} endpoint: {send.Accepted} children accepted in {send.Batches} batches."
            : $"Sent to the {mode} endpoint: {send.Accepted} accepted, {send.Failed} refused or failed, {send.Invalid} not sent (schema).";
        await db.SaveChangesAsync(CancellationToken.None);
        if (audit is not null)
            await audit.Log.WriteAsync(new AccessEvent(audit.UserName, audit.WorkerId, AccessAction.Export, null, $"dfe-feed/send/{send.Id}",
                $"DfE feed ({mode}{(full ? ", full" : "")}): {send.Outcome} Children: {Cut(send.ChildIds, 600)}"), CancellationToken.None);
        return Result(send, plan, files, send.Outcome, true);
    }

    private static DfeFeedResult Result(DfeFeedSend send, DfeFeedPlan plan, IReadOnlyList<string> files, string message, bool sent) =>
        new(send.Id, send.Mode, send.Full, plan.InScope, send.Children, send.Purges, send.Batches, send.Accepted, send.Failed, send.Invalid, files, message, sent);

    private static async Task RecordAsync(HavenDbContext db, int childId, string laChildId, int sendId, Action<DfeFeedSubmission> change, CancellationToken ct, bool save = true)
    {
        var s = db.DfeFeedSubmissions.Local.FirstOrDefault(x => x.ChildId == childId)
                ?? await db.DfeFeedSubmissions.FirstOrDefaultAsync(x => x.ChildId == childId, ct);
        if (s is null)
        {
            s = new DfeFeedSubmission { ChildId = childId, LaChildId = laChildId };
            db.DfeFeedSubmissions.Add(s);
        }
        s.LastSendId = sendId;
        change(s);
        if (save) await db.SaveChangesAsync(ct);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
