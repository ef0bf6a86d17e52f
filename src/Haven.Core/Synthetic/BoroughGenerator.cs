using System.Diagnostics;
using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Fills an empty database with Havenbridge, a fictional borough: its children's services
/// workforce, families and their history with the council, calibrated to the England 2025
/// statistics (shared/reference/national-statistics.md). Every name, address and identifier is
/// made up; NHS numbers are in the 999 test range.
public static class BoroughGenerator
{
    public static async Task<BoroughSummary> GenerateAsync(HavenDbContext db, BoroughOptions options,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Children, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Years, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CaseNoteDensity);
        if (await db.People.IgnoreQueryFilters().AnyAsync(ct))
            throw new InvalidOperationException("The database already holds people. The synthetic borough can only be generated into an empty database.");

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // Wall time, and this process's CPU time: on a shared machine the CPU time is the figure
        // that does not move with the others' load (the database server's own work is not in it).
        string Stamp() => $"{clock.Elapsed.TotalSeconds:0.0} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s)";
        var today = options.Today;
        var plan = new BoroughBuilder(options, today);
        progress?.Report($"Planning Havenbridge: {options.Children:N0} children, {options.Years} years to {today:d MMM yyyy}");
        plan.PlanQuotas();
        plan.PlanFamilies();
        plan.PlanTimelines();
        plan.PlanWorkforce();
        plan.Allocate();
        plan.PlanProfessionals();
        plan.PlanRestrictions();
        plan.PlanPartnerGrants();
        plan.FinishPeople();
        progress?.Report($"Planned in {Stamp()}; writing");

        // A bulk load: a large borough's single statements (a COPY of every case note, the VACUUM)
        // run for minutes, past the default 30 s command timeout.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        var writer = new BoroughWriter(db, options.BatchSize, ct);
        int notes, accessLog;
        try
        {
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // One transaction: on SQLite this saves a disk sync per batch and makes the borough all-or-nothing.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                // Rows that later rows point to need their generated ids. Services, teams, workers and
                // people go through SaveChanges (which also builds people's search keys); addresses are
                // plain rows, written in bulk and their ids read back...
                await writer.SaveAsync(plan.Services);
                foreach (var team in plan.Teams) team.ServiceId = plan.ServiceOf[team].Id;
                await writer.SaveAsync(plan.Teams);
                foreach (var worker in plan.Workers) worker.TeamId = plan.TeamOf.TryGetValue(worker, out var team) ? team.Id : null;
                await writer.SaveAsync(plan.Workers);
                await writer.BulkAsync(plan.Places.Addresses);
                await ReadBackIdsAsync(db, plan.Places.Addresses, ct);
                foreach (var child in plan.Children) child.Person.RecordedByWorkerId = child.RecordedBy?.Id;
                await writer.SaveAsync(plan.Children.Select(c => c.Person).Concat(plan.Adults.Select(a => a.Person)), SearchKeysOf);
                progress?.Report($"People written at {Stamp()}");

                // ...the rest, which nothing refers to, in multi-row statements.
                await writer.BulkAsync(PersonAddresses(plan));
                await writer.BulkAsync(Relationships(plan));
                await writer.BulkAsync(ProfessionalContacts(plan));
                await writer.BulkAsync(Involvements(plan));
                await writer.BulkAsync(Allocations(plan));
                await writer.BulkAsync(Grants(plan));
                progress?.Report($"Records written at {Stamp()}");

                foreach (var part in BoroughParts.All)
                {
                    await part.WriteAsync(new BoroughPartContext(plan, writer, options, ct));
                    progress?.Report($"{part.Name} written at {Stamp()}");
                }
                progress?.Report("Writing case notes");

                var noteWriter = new CaseNoteWriter(plan, options.CaseNoteDensity, today.AddYears(-options.Years));
                var history = options.AccessLogHistory ? new AccessLogHistory(plan, options) : null;
                var step = Math.Max(1, plan.Children.Count / 5);
                notes = await writer.BulkAsync(plan.Children.SelectMany((child, i) =>
                {
                    if (i > 0 && i % step == 0) progress?.Report($"Case notes for {i:N0} of {plan.Children.Count:N0} children at {Stamp()}");
                    var written = noteWriter.Write(child);
                    return history is null ? written : history.Observe(written);
                }));
                if (history is null)
                {
                    accessLog = 0;
                    progress?.Report($"Case notes written at {Stamp()}; no access-log history (not asked for)");
                }
                else
                {
                    progress?.Report($"Case notes written at {Stamp()}; writing the access log");
                    // Last, as its entries follow the notes and contacts written above.
                    await history.AddContactsAsync(db, ct);
                    accessLog = await history.WriteAsync(writer, ct);
                    progress?.Report($"Access log written at {Stamp()}");
                }
                if (transaction is not null) await transaction.CommitAsync(ct);
            }
            finally
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }

            // PostgreSQL plans from statistics that only autovacuum would otherwise gather, some minutes
            // after a bulk load and table by table: until then every table looks empty to the planner.
            // VACUUM also fills the visibility map, so index-only scans need not visit the heap. It
            // cannot run inside a transaction, so only when this method owned the one it wrote in.
            if (transaction is not null && db.Database.IsNpgsql())
            {
                progress?.Report($"Written at {Stamp()}; VACUUM (ANALYZE)");
                await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
            }
        }
        finally
        {
            // Restored however the writing ends: the caller's context must not keep the two-hour timeout.
            db.Database.SetCommandTimeout(timeout);
        }

        var summary = new BoroughSummary
        {
            Children = plan.Children.Count,
            Adults = plan.Adults.Count,
            Services = plan.Services.Count,
            Teams = plan.Teams.Count,
            Workers = plan.Workers.Count,
            Addresses = plan.Places.Addresses.Count,
            Relationships = writer.Counts.GetValueOrDefault(typeof(Relationship)),
            ProfessionalContacts = writer.Counts.GetValueOrDefault(typeof(ProfessionalContact)),
            Involvements = writer.Counts.GetValueOrDefault(typeof(Involvement)),
            Allocations = writer.Counts.GetValueOrDefault(typeof(Allocation)),
            CaseNotes = notes,
            AccessLogEntries = accessLog,
            RestrictedChildren = plan.Restrictions.Count,
            AccessGrants = writer.Counts.GetValueOrDefault(typeof(RecordAccessGrant)),
            OpenByKind = plan.Children.Where(c => c.Spans.Count > 0 && c.Spans[^1].Span.End is null)
                .GroupBy(c => c.Spans[^1].Span.Kind).ToDictionary(g => g.Key, g => g.Count()),
            Elapsed = clock.Elapsed,
            DemoWorkers = plan.DemoWorkers.ToDictionary(d => d.Key, d => d.Value.Id),
            DemoRestrictedChildId = plan.DemoRestrictedChild?.Person.Id ?? 0,
            DemoOtherServiceChildId = plan.DemoOtherServiceChild?.Person.Id ?? 0,
        };
        progress?.Report(summary.ToString());
        return summary;
    }

    private static DateTime At(DateOnly date, int hour) => new(date, new TimeOnly(hour, 0), DateTimeKind.Utc);

    private static IEnumerable<PersonAddress> PersonAddresses(BoroughBuilder plan)
    {
        foreach (var (person, homes) in plan.Children.Select(c => (c.Person, c.Homes)).Concat(plan.Adults.Select(a => (a.Person, a.Homes))))
            foreach (var home in homes)
                yield return new PersonAddress { PersonId = person.Id, AddressId = home.Address.Id, StartDate = home.Start, EndDate = home.End };
    }

    private static IEnumerable<Relationship> Relationships(BoroughBuilder plan)
    {
        foreach (var r in plan.Families.SelectMany(f => f.Relationships).Concat(plan.CarerRelationships))
            yield return new Relationship
            {
                PersonId = r.Person.Id,
                RelatedPersonId = r.Related.Id,
                Type = r.Type,
                HasParentalResponsibility = r.ParentalResponsibility,
                StartDate = r.Start,
                EndDate = r.End,
                RecordedAt = r.Start is { } s && At(s, 11) > r.Related.RecordedAt ? At(s, 11) : r.Related.RecordedAt,
            };
    }

    private static IEnumerable<ProfessionalContact> ProfessionalContacts(BoroughBuilder plan)
    {
        foreach (var child in plan.Children)
        {
            var id = child.Person.Id;
            if (child.Gp is { } gp)
                yield return new ProfessionalContact { PersonId = id, Role = "GP", Name = gp.Doctor, Organisation = gp.Practice, Phone = gp.Phone };
            if (child.School is { } school)
                yield return new ProfessionalContact { PersonId = id, Role = school.Role, Name = school.Contact, Organisation = school.Name, Phone = school.Phone };
            if (child.HealthVisitor is { } hv)
                yield return new ProfessionalContact { PersonId = id, Role = "Health visitor", Name = hv, Organisation = "Havenbridge 0-19 health visiting service", Phone = "020 7946 0999" };
        }
    }

    private static IEnumerable<Involvement> Involvements(BoroughBuilder plan)
    {
        foreach (var child in plan.Children)
            foreach (var cs in child.Spans)
            {
                var reviews = cs.Span.Reviews.Where(d => d >= cs.Start && d <= plan.Today).ToList();
                yield return new Involvement
                {
                    ChildId = child.Person.Id,
                    Kind = cs.Span.Kind,
                    StartDate = cs.Start,
                    EndDate = cs.Span.End,
                    LastReviewDate = reviews.Count > 0 ? reviews[^1] : null,
                    ReviewsHeld = reviews.Count,
                    RecordedAt = At(cs.Start, 10),
                };
            }
    }

    private static IEnumerable<Allocation> Allocations(BoroughBuilder plan)
    {
        foreach (var child in plan.Children)
        {
            var from = child.Dob ?? DateOnly.MinValue;
            foreach (var seg in child.Group.Social.Concat(child.Group.Iro).Concat(child.OwnAllocations))
            {
                if (seg.Worker is null || seg.Team is null || seg.End is { } end && end < from) continue;
                var index = child.Group.Social.IndexOf(seg);
                var start = Dates.Max(seg.Start, from);
                yield return new Allocation
                {
                    ChildId = child.Person.Id,
                    Kind = seg.Kind,
                    WorkerId = seg.Worker.Id,
                    TeamId = seg.Team.Id,
                    StartDate = start,
                    EndDate = seg.End,
                    AllocatedByWorkerId = plan.ManagerOf.TryGetValue(seg.Team, out var manager) ? manager.Id : null,
                    RecordedAt = At(start, 9),
                    ChangeReasonCode = seg.Kind == AllocationKind.SocialWorker ? ChangeReason(child.Person.Id, index > 0 ? child.Group.Social[index - 1] : null, seg, index) : null,
                    Version = Guid.NewGuid(),
                };
            }
        }
    }

    /// The 903 SW_REASON of a change of social worker, derived from what the plan knows (no random
    /// draw, so nothing else calibrated moves): a new stage or team type is a transfer (TSPROC, also
    /// for the first worker, taking the case from the front door); a worker who has since left, LEFTRL;
    /// otherwise a spread of management reasons fixed by the child and the change's place.
    private static string ChangeReason(int childId, AllocSeg? previous, AllocSeg seg, int index)
    {
        if (previous is null || previous.Kind != seg.Kind || previous.Type != seg.Type) return "TSPROC";
        if (previous.Worker is { IsActive: false }) return "LEFTRL";
        return ((childId + index) % 10) switch { 0 => "ABSENC", 1 => "FCONTA", 2 => "ORGRST", 3 => "LEFTRL", _ => "MANAGE" };
    }

    private static IEnumerable<RecordAccessGrant> Grants(BoroughBuilder plan)
    {
        var grantor = plan.SeniorLeaders[1];
        foreach (var r in plan.Restrictions)
            foreach (var worker in r.AccessList)
                yield return new RecordAccessGrant
                {
                    ChildId = r.Child.Person.Id, WorkerId = worker.Id, Reason = $"Restricted record ({r.Reason}): allocated worker or manager",
                    GrantedByWorkerId = grantor.Id, GrantedAt = At(r.Since, 12),
                };
        foreach (var g in plan.PartnerGrants)
            yield return new RecordAccessGrant
            {
                ChildId = g.Child.Person.Id, WorkerId = g.Worker.Id, Reason = g.Reason,
                GrantedByWorkerId = g.Child.Group.CurrentSocial?.Team is { } t && plan.ManagerOf.TryGetValue(t, out var m) ? m.Id : grantor.Id,
                GrantedAt = At(g.From, 14),
                ExpiresAt = g.Expires is { } e ? At(e, 23) : null,
                RevokedAt = g.Revoked is { } v ? At(v, 16) : null,
            };
    }

    /// Gives addresses written in bulk their new ids, matched on their text. Addresses with the same
    /// text are identical rows, so which of them gets which id makes no difference.
    private static async Task ReadBackIdsAsync(HavenDbContext db, List<Address> addresses, CancellationToken ct)
    {
        static string Key(string line1, string? line2, string town, string postcode) => $"{line1}\n{line2}\n{town}\n{postcode}";
        var byText = addresses.GroupBy(a => Key(a.Line1, a.Line2, a.Town, a.Postcode)).ToDictionary(g => g.Key, g => new Queue<Address>(g));
        var pending = addresses.Count;
        await foreach (var row in db.Addresses.AsNoTracking().OrderByDescending(a => a.Id).Take(addresses.Count).AsAsyncEnumerable().WithCancellation(ct))
            if (byText.TryGetValue(Key(row.Line1, row.Line2, row.Town, row.Postcode), out var queue) && queue.TryDequeue(out var address))
            {
                address.Id = row.Id;
                pending--;
            }
        if (pending != 0) throw new InvalidOperationException($"{pending} generated addresses could not be found after writing them.");
    }

    /// The name-search keys SaveChanges built for a batch of new people. Change detection is off,
    /// so they were not saved with the people; they are written in bulk with the people's new ids.
    private static IEnumerable<PersonSearchKey> SearchKeysOf(HavenDbContext db, List<Person> people)
    {
        var keys = new List<PersonSearchKey>();
        foreach (var person in people)
        {
            foreach (var key in person.SearchKeys)
            {
                // If a future SaveChanges saves keys itself, they are tracked here: leave them be.
                if (db.Entry(key).State != EntityState.Detached) return [];
                key.PersonId = person.Id;
                keys.Add(key);
            }
            person.SearchKeys = [];
        }
        return keys;
    }
}
