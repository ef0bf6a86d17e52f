using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Api;
using Haven.Core.CaseNotes;
using Haven.Core.Identity;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Search;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Haven.Core.Data;

public partial class HavenDbContext : IdentityDbContext<HavenUser>
{
    public HavenDbContext(DbContextOptions<HavenDbContext> options) : base(options) { }

    /// For ReportingDbContext, which reads the same model from a replica.
    protected HavenDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonSearchKey> PersonSearchKeys => Set<PersonSearchKey>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<ProfessionalContact> ProfessionalContacts => Set<ProfessionalContact>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseNoteAmendment> CaseNoteAmendments => Set<CaseNoteAmendment>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<RecordAccessGrant> RecordAccessGrants => Set<RecordAccessGrant>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HavenDbContext).Assembly);
        // The chronology's shared read: CAST(value AS text), one store type for every source's text.
        builder.HasDbFunction(typeof(Chronology.ChronologyRow).GetMethod(nameof(Chronology.ChronologyRow.Text))!)
            .HasTranslation(args => new Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlUnaryExpression(
                System.Linq.Expressions.ExpressionType.Convert, args[0], typeof(string), PlainText));
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.StringTypeMapping PlainText = new("text", System.Data.DbType.String);

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every timestamp is UTC. SQLite hands DateTime back with Kind=Unspecified, and Npgsql
        // refuses non-UTC values for timestamptz, so both sides are pinned here, once.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// Saves, or answers false when another writer changed a versioned row between this context
    /// reading it and saving it (EF's concurrency token refused the update). Nothing was written;
    /// the tracked changes are cleared so the caller can read the current state and show it. A
    /// service that compares a form's version in memory must still use this (or catch the
    /// exception): two writers racing past that comparison would otherwise meet an unhandled
    /// DbUpdateConcurrencyException instead of the conflict message.
    public async Task<bool> TrySaveChangesAsync(CancellationToken ct = default)
    {
        try
        {
            await SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ChangeTracker.Clear();
            return false;
        }
    }

    private static readonly string[] NameProperties = [nameof(Person.FirstName), nameof(Person.LastName), nameof(Person.OtherNames), nameof(Person.KnownAs)];

    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AccessLogEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The access log is append-only: entries cannot be changed or deleted.");

            if (entry.Entity is IVersioned versioned && entry.State is EntityState.Added or EntityState.Modified)
                versioned.Version = Guid.NewGuid();

            if (entry.Entity is Person person)
            {
                if (entry.State == EntityState.Added)
                    person.SearchKeys = BuildKeys(person);
                else if (entry.State == EntityState.Modified && NameProperties.Any(n => entry.Property(n).IsModified))
                    ReplaceSearchKeys(person);
            }
        }
    }

    /// The name-search keys SaveChanges stores for a new person (the generator's bulk writer uses it too).
    internal static List<PersonSearchKey> BuildKeys(Person p) =>
        SearchKeys.For(p.FirstName, p.LastName, string.Join(' ', new[] { p.OtherNames, p.KnownAs }.Where(s => !string.IsNullOrWhiteSpace(s))))
            .Select(k => new PersonSearchKey { PersonId = p.Id, Key = k }).ToList();

    private void ReplaceSearchKeys(Person person)
    {
        var existing = PersonSearchKeys.Where(k => k.PersonId == person.Id).ToList();
        var wanted = BuildKeys(person);
        var wantedKeys = wanted.Select(k => k.Key).ToHashSet();
        var existingKeys = existing.Select(k => k.Key).ToHashSet();
        PersonSearchKeys.RemoveRange(existing.Where(k => !wantedKeys.Contains(k.Key)));
        PersonSearchKeys.AddRange(wanted.Where(k => !existingKeys.Contains(k.Key)));
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
