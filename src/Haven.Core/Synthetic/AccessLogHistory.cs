using System.Globalization;
using System.Text;
using Haven.Core.Access;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// The access log's history: the views, changes and sign-ins the borough's staff would have left
/// while writing the generated record, chained exactly as AccessLog chains the app's own entries
/// (same fields, same resources, same hash), so `haven audit verify` passes on a generated
/// borough and the app's first real entry follows the last generated one.
///
/// Assumptions (there is no national figure for how often records are opened), each tied to
/// something the generator already wrote, so the log grows with the record:
/// - every case note is the trail of the add-note page, as the app logs it: the form opened
///   (GET /children/{id}/notes/add), saved (POST, a change) and the notes list it redirects to;
///   the author opened the child's summary first once per child per day;
/// - before a visit or a meeting, its author read the child's chronology (one to four hours before);
/// - at the front door, the MASH worker who decided a contact opened it (one view per child on
///   it) and, seven times in ten, the child's record; the manager who signed it off opened it too;
/// - about one visit in 25 is also read by a colleague in the author's team (duty cover, a
///   co-worker), within a week; a restricted record refuses them (a Denied entry);
/// - every member of staff signs in once on each day they do any of this, shortly before.
/// At 50,000 children this is about 4 entries per case note: millions over the years.
internal sealed class AccessLogHistory
{
    private enum Page : byte { SignIn, Summary, Chronology, NotesAdd, NotesSave, Notes, Contact }

    private readonly record struct Visit(long Ticks, int Order, int WorkerId, int ChildId, int ContactId, Page Page, AccessAction Action);

    private readonly BoroughBuilder _plan;
    private readonly Random _rng;
    private readonly List<Visit> _visits = [];
    private readonly HashSet<(int Worker, int Day)> _opened = [];
    private int _openedChild;
    private readonly Dictionary<int, Worker> _workers;
    private readonly Dictionary<int, List<Worker>> _colleagues;
    private readonly Dictionary<int, HashSet<int>> _restricted;
    private readonly long _latest;

    public AccessLogHistory(BoroughBuilder plan, BoroughOptions options)
    {
        _plan = plan;
        _rng = new Random(BoroughSeeds.For(options.Seed, "AccessLog"));
        _workers = plan.Workers.ToDictionary(w => w.Id);
        _colleagues = plan.TeamOf.Where(t => t.Key.Role == HavenRole.SocialWorker).GroupBy(t => t.Value.Id)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Key).OrderBy(w => w.Id).ToList());
        _restricted = plan.Restrictions.GroupBy(r => r.Child.Person.Id)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.AccessList).Select(w => w.Id).ToHashSet());
        // Nothing is logged after the borough's "today" (nor after now, when today is today).
        var endOfToday = new DateTime(plan.Today, new TimeOnly(23, 59, 59), DateTimeKind.Utc);
        var now = options.Clock.GetUtcNow().UtcDateTime;
        _latest = (DateOnly.FromDateTime(now) == plan.Today && now < endOfToday ? now : endOfToday).Ticks;
    }

    /// Passes a child's notes through, noting the trail each one left.
    public IEnumerable<CaseNote> Observe(IEnumerable<CaseNote> notes)
    {
        foreach (var note in notes)
        {
            Note(note);
            yield return note;
        }
    }

    private void Note(CaseNote note)
    {
        var (worker, child) = (note.AuthorWorkerId, note.ChildId);
        var saved = note.RecordedAt;
        if (note.Type is CaseNoteType.StatutoryVisit or CaseNoteType.HomeVisit or CaseNoteType.Meeting)
            Add(note.EventAt.AddMinutes(-_rng.Between(60, 240)), worker, child, Page.Chronology);
        var form = saved.AddSeconds(-_rng.Between(120, 1500));
        // A child's notes come together, so the set of summaries opened is kept for one child at a time.
        if (child != _openedChild)
        {
            _opened.Clear();
            _openedChild = child;
        }
        if (_opened.Add((worker, DateOnly.FromDateTime(saved).DayNumber)))
            Add(form.AddSeconds(-_rng.Between(20, 300)), worker, child, Page.Summary);
        Add(form, worker, child, Page.NotesAdd);
        Add(saved, worker, child, Page.NotesSave, AccessAction.Change);
        Add(saved.AddSeconds(1), worker, child, Page.Notes);

        if (note.Type is CaseNoteType.StatutoryVisit or CaseNoteType.HomeVisit && _rng.Chance(0.04)
            && _workers.TryGetValue(worker, out var author) && _plan.TeamOf.TryGetValue(author, out var team)
            && _colleagues.TryGetValue(team.Id, out var members) && members.Count > 1)
        {
            var colleague = _rng.Pick(members);
            if (colleague.Id == worker) return;
            var at = saved.Date.AddDays(_rng.Between(1, 7)).AddMinutes(_rng.Between(9 * 60, 17 * 60));
            var refused = _restricted.TryGetValue(child, out var list) && !list.Contains(colleague.Id);
            Add(at, colleague.Id, child, Page.Summary, refused ? AccessAction.Denied : AccessAction.View);
        }
    }

    /// The front door: each contact's children, opened by the MASH worker who decided it and the
    /// manager who signed it off.
    public async Task AddContactsAsync(HavenDbContext db, CancellationToken ct)
    {
        var items = await db.ContactChildren.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.ContactId, c.ChildId, c.Contact.ReceivedAt, c.DecidedAt, c.DecidedByWorkerId, c.SignedOffAt, c.SignedOffByWorkerId })
            .ToListAsync(ct);
        foreach (var c in items)
        {
            if (c.DecidedByWorkerId is not { } decider || c.DecidedAt is not { } decided) continue;
            var span = Math.Max(1, (int)(decided - c.ReceivedAt).TotalMinutes);
            var opened = c.ReceivedAt.AddMinutes(Math.Min(span - 1, _rng.Between(5, 90)));
            Add(opened, decider, c.ChildId, Page.Contact, contactId: c.ContactId);
            if (_rng.Chance(0.7)) Add(opened.AddMinutes(_rng.Between(1, 10)), decider, c.ChildId, Page.Summary);
            if (c.SignedOffByWorkerId is { } manager && c.SignedOffAt is { } signedOff)
                Add(signedOff.AddMinutes(-_rng.Between(1, 8)), manager, c.ChildId, Page.Contact, contactId: c.ContactId);
        }
    }

    /// Adds the sign-ins, puts everything in time order and writes the chain after whatever the
    /// log already holds. Returns the number of entries written.
    public async Task<int> WriteAsync(BoroughWriter writer, CancellationToken ct)
    {
        var firstOfDay = new Dictionary<(int Worker, int Day), long>();
        foreach (var v in _visits)
        {
            var key = (v.WorkerId, (int)(v.Ticks / TimeSpan.TicksPerDay));
            if (!firstOfDay.TryGetValue(key, out var first) || v.Ticks < first) firstOfDay[key] = v.Ticks;
        }
        foreach (var ((worker, _), first) in firstOfDay)
            _visits.Add(new Visit(first - TimeSpan.TicksPerSecond * _rng.Between(60, 2400), _visits.Count, worker, 0, 0, Page.SignIn, AccessAction.SignIn));
        // Time order; ties (entries of one second) in the order they were made, so the seed decides the whole chain.
        _visits.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Order.CompareTo(b.Order));

        var tail = await writer.Db.AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var users = _plan.Workers.ToDictionary(w => w.Id, w => UserNameFor(w.DisplayName));
        return await writer.BulkAsync(Entries(tail?.Sequence ?? 0, tail?.Hash ?? AccessLog.GenesisHash, users));
    }

    private IEnumerable<AccessLogEntry> Entries(long sequence, string previous, Dictionary<int, string> users)
    {
        foreach (var v in _visits)
        {
            var signIn = v.Page == Page.SignIn;
            var entry = new AccessLogEntry
            {
                Sequence = ++sequence,
                At = new DateTime(v.Ticks, DateTimeKind.Utc),
                UserName = users[v.WorkerId],
                WorkerId = signIn ? null : v.WorkerId,
                Action = v.Action,
                ChildId = signIn ? null : v.ChildId,
                Resource = Resource(v),
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = AccessLog.ComputeHash(entry);
            previous = entry.Hash;
            yield return entry;
        }
    }

    private static string Resource(Visit v) => v.Page switch
    {
        Page.SignIn => "sign-in",
        Page.Summary => $"GET /children/{v.ChildId}",
        Page.Chronology => $"GET /children/{v.ChildId}/chronology",
        Page.NotesAdd => $"GET /children/{v.ChildId}/notes/add",
        Page.NotesSave => $"POST /children/{v.ChildId}/notes/add",
        Page.Notes => $"GET /children/{v.ChildId}/notes",
        _ => $"GET /front-door/contacts/{v.ContactId}",
    };

    private void Add(DateTime at, int worker, int child, Page page, AccessAction action = AccessAction.View, int contactId = 0)
    {
        // Whole seconds: what every provider stores exactly, as AccessLog truncates its own times.
        var ticks = at.Ticks - at.Ticks % TimeSpan.TicksPerSecond;
        if (ticks > _latest) return;
        _visits.Add(new Visit(ticks, _visits.Count, worker, child, contactId, page, action));
    }

    /// A made-up sign-in name from the worker's name ("Amira Khan" -> "amira.khan"), as a council's
    /// directory would give them. Generated workers have no Haven account; the demo accounts are
    /// separate names (demo.socialworker...), made when the app starts in demo mode.
    internal static string UserNameFor(string displayName)
    {
        var name = new StringBuilder();
        foreach (var c in displayName.Normalize(NormalizationForm.FormD).ToLower(CultureInfo.InvariantCulture))
        {
            if (c is >= 'a' and <= 'z') name.Append(c);
            else if (c is ' ' or '-' && name.Length > 0 && name[^1] != '.') name.Append('.');
        }
        return name.ToString().Trim('.');
    }
}
