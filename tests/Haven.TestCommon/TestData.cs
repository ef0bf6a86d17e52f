using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Identity;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Referrals;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.TestCommon;

public sealed record TestWorker(int WorkerId, string UserName, HavenRole Role, int? TeamId);

/// Builds the data a test is about, with defaults for everything else.
public sealed class TestData(IServiceProvider services)
{
    private static int _counter;
    private static int Next() => Interlocked.Increment(ref _counter);

    public async Task<(int ServiceId, int TeamId)> CreateTeamAsync(string? name = null, int? serviceId = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        if (serviceId is null)
        {
            var service = new Service { Name = $"Service {Next()}" };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            serviceId = service.Id;
        }
        var team = new Team { Name = name ?? $"Team {Next()}", ServiceId = serviceId.Value };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return (serviceId.Value, team.Id);
    }

    public async Task<TestWorker> CreateWorkerAsync(HavenRole role, int? teamId = null, string? name = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HavenUser>>();
        var n = Next();
        var worker = new Worker { DisplayName = name ?? $"{role.Describe()} {n}", Role = role, TeamId = teamId };
        db.Workers.Add(worker);
        await db.SaveChangesAsync();
        var userName = $"{role.ToString().ToLowerInvariant()}{n}";
        var result = await users.CreateAsync(new HavenUser { UserName = userName, WorkerId = worker.Id }, HavenApp.Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return new TestWorker(worker.Id, userName, role, teamId);
    }

    public sealed class ChildBuilder
    {
        public string FirstName { get; set; } = "Test";
        public string LastName { get; set; } = $"Child{Next()}";
        public string? KnownAs { get; set; }
        public DateOnly? DateOfBirth { get; set; } = new DateOnly(2015, 6, 1);
        public DateOnly? ExpectedDateOfBirth { get; set; }
        public Sex Sex { get; set; } = Sex.Female;
        public string? NhsNumber { get; set; }
        public bool Restricted { get; set; }
        public TestWorker? AllocatedTo { get; set; }
        public List<TestWorker> AccessList { get; } = [];
        public List<(InvolvementKind Kind, DateOnly Start)> Involvements { get; } = [];
        /// Open referrals (source: police), by referral date.
        public List<DateOnly> Referrals { get; } = [];
        /// Children this child is a full sibling of.
        public List<int> SiblingOf { get; } = [];
        public List<(string Subject, string Body, CaseNoteType Type, DateTime At)> Notes { get; } = [];
        public ChildBuilder WithNote(string subject, string body = "Body of the note.", CaseNoteType type = CaseNoteType.CaseNote, DateTime? at = null)
        {
            Notes.Add((subject, body, type, at ?? DateTime.UtcNow.AddDays(-1)));
            return this;
        }
    }

    public async Task<int> CreateChildAsync(Action<ChildBuilder>? configure = null)
    {
        var b = new ChildBuilder();
        configure?.Invoke(b);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var now = DateTime.UtcNow;
        var child = new Person
        {
            Kind = PersonKind.Child, FirstName = b.FirstName, LastName = b.LastName, KnownAs = b.KnownAs, DateOfBirth = b.DateOfBirth,
            ExpectedDateOfBirth = b.ExpectedDateOfBirth, Sex = b.ExpectedDateOfBirth is null ? b.Sex : Sex.Unknown, NhsNumber = b.NhsNumber, IsRestricted = b.Restricted, RestrictionReason = b.Restricted ? "Relative of a member of staff" : null,
            RecordedAt = now,
        };
        db.People.Add(child);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(now);
        if (b.AllocatedTo is { } w)
            db.Allocations.Add(new Allocation { ChildId = child.Id, Kind = AllocationKind.SocialWorker, WorkerId = w.WorkerId, TeamId = w.TeamId!.Value, StartDate = today.AddMonths(-2), RecordedAt = now });
        foreach (var g in b.AccessList)
            db.RecordAccessGrants.Add(new RecordAccessGrant { ChildId = child.Id, WorkerId = g.WorkerId, Reason = "Test", GrantedAt = now });
        foreach (var (kind, start) in b.Involvements)
            db.Involvements.Add(new Involvement { ChildId = child.Id, Kind = kind, StartDate = start, RecordedAt = now });
        foreach (var date in b.Referrals)
            db.Referrals.Add(new Referral { ChildId = child.Id, ReferralDate = date, SourceCode = "6", PrimaryNeedCode = "N1", RecordedAt = now });
        foreach (var sibling in b.SiblingOf)
            db.Relationships.Add(new Relationship { PersonId = child.Id, RelatedPersonId = sibling, Type = RelationshipType.Sibling, RecordedAt = now });
        foreach (var (subject, body, type, at) in b.Notes)
            db.CaseNotes.Add(new CaseNote { ChildId = child.Id, Type = type, EventAt = at, RecordedAt = now, AuthorWorkerId = b.AllocatedTo?.WorkerId ?? throw new InvalidOperationException("Notes need an allocated worker as author"), Subject = subject, Body = body });
        await db.SaveChangesAsync();
        return child.Id;
    }

    public async Task<T> WithDbAsync<T>(Func<HavenDbContext, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HavenDbContext>());
    }
}
