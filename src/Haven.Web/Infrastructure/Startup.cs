using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.Identity;
using Haven.Core.MyWork;
using Haven.Core.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Infrastructure;

public sealed class StartupState
{
    public volatile bool Ready;
}

/// Brings the database up to date before the app serves anything, and in demo mode makes sure
/// there is a synthetic borough and one account per role to try it with.
public sealed class StartupTasks(IServiceProvider services, StartupState state, IConfiguration configuration,
    ILogger<StartupTasks> logger, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        await HavenDatabase.MigrateAsync(db, ct);
        var demo = scope.ServiceProvider.GetRequiredService<DemoAccounts>();
        if (configuration.GetValue("Haven:DemoMode", false))
        {
            if (!await db.People.IgnoreQueryFilters().AnyAsync(ct))
            {
                var children = configuration.GetValue("Haven:Demo:Children", 3000);
                var seed = configuration.GetValue("Haven:Demo:Seed", 1);
                logger.LogInformation("Demo mode: generating a synthetic borough of about {Children} children (seed {Seed})…", children, seed);
                var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                var summary = await BoroughGenerator.GenerateAsync(db, new BoroughOptions
                {
                    Children = children, Seed = seed, Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
                }, ct: ct);
                // The generated access-log history is the log now: anchor it, so an anchor left beside an earlier database is replaced.
                await scope.ServiceProvider.GetRequiredService<Haven.Core.Access.AccessLogAnchor>().AnchorAtTailAsync(db, ct);
                logger.LogInformation("Demo borough ready: {Summary}", summary.ToString());
            }
            var password = configuration["Haven:DemoPassword"];
            if (string.IsNullOrWhiteSpace(password))
                throw new InvalidOperationException("Demo mode needs Haven:DemoPassword in configuration.");
            var accounts = await demo.EnsureAsync(password, ct);
            if (!environment.IsEnvironment("Testing"))
            {
                Console.WriteLine();
                Console.WriteLine("Haven is running in DEMO MODE with a synthetic borough. Demo sign-ins (password: {0}):", password);
                foreach (var (user, role) in accounts) Console.WriteLine($"  {user,-26} {role}");
                Console.WriteLine();
            }
        }
        else
        {
            var removed = await demo.RemoveAllAsync(ct);
            if (removed > 0) logger.LogWarning("Demo mode is off: removed {Count} demo accounts.", removed);
        }
        state.Ready = true;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class HealthEndpoint
{
    /// 200 once the database is reachable and migrated; 503 before that or if it goes away.
    public static void MapHavenHealth(this WebApplication app) => app.MapGet("/health", async (StartupState state, HavenDbContext db, CancellationToken ct) =>
        state.Ready && await db.Database.CanConnectAsync(ct)
            ? Results.Text("Healthy")
            : Results.Text("Starting or unavailable", statusCode: StatusCodes.Status503ServiceUnavailable))
        .AllowAnonymous().ExcludeFromDescription();
}

public static class ChronologyRegistration
{
    public static IServiceCollection AddChronologySources(this IServiceCollection services)
    {
        services.AddScoped<IChronologySource, CaseNoteChronology>();
        services.AddScoped<IChronologySource, AllocationChronology>();
        services.AddScoped<IChronologySource, InvolvementChronology>();
        services.AddScoped<IChronologySource, AddressChronology>();
        services.AddScoped<IChronologySource, Haven.Core.ChildrenLookedAfter.LookedAfterChronology>();
        services.AddScoped<IChronologySource, Haven.Core.ChildrenLookedAfter.CourtAndFamilyChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Health.HealthChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Education.EducationChronology>();
        services.AddScoped<IChronologySource, Haven.Core.LifeStory.LifeStoryChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Assessments.HelpAndProtectionChronology>();
        services.AddScoped<IChronologySource, Haven.Core.EarlyHelp.EarlyHelpChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Missing.MissingChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Exploitation.ExploitationChronology>();
        services.AddScoped<IChronologySource, Haven.Core.FrontDoor.FrontDoorChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Homelessness.HomelessnessChronology>();
        services.AddScoped<IChronologySource, Haven.Core.ChildProtection.ChildProtectionPlanChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Plans.PlansChronology>();
        services.AddScoped<IChronologySource, Haven.Core.Oversight.OversightChronology>();
        services.AddScoped<IChronologySource, Haven.Core.CareLeavers.CareLeaverChronology>();
        services.AddScoped<IChronologySource, Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyChronology>();
        services.AddScoped<ChronologyBuilder>();
        return services;
    }
}

public static class DueWorkRegistration
{
    /// Every service's source of due work; DueWork asks each in turn.
    public static IServiceCollection AddDueWorkSources(this IServiceCollection services)
    {
        services.AddScoped<IDueWorkSource, InvolvementDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.ChildrenLookedAfter.LookedAfterDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.ChildrenLookedAfter.PublicLawOutlineDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Health.HealthDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Education.EducationDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Assessments.HelpAndProtectionDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.FrontDoor.FrontDoorDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Missing.MissingDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.ChildProtection.ChildProtectionDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Plans.PlansDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Oversight.OversightDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Exploitation.ExploitationDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Education.Inclusion.InclusionDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Fostering.FosteringDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.CareLeavers.CareLeaverDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Returns.Cin.CinDataQualityDueWork>();
        services.AddScoped<IDueWorkSource, Haven.Core.Quality.AuditDueWork>();
        services.AddScoped<DueWork>();
        services.AddScoped<DueWorkFacts>();
        services.AddSingleton<DueWorkCache>();
        return services;
    }
}

public static class ChildrenInCareRegistration
{
    /// Who is in care (until periods of care are recorded: open InCare involvements), and the
    /// services that record health, education and life story work for children in care.
    public static IServiceCollection AddChildrenInCare(this IServiceCollection services)
    {
        services.AddScoped<Haven.Core.ChildrenInCare.ICareSpans, Haven.Core.ChildrenInCare.InvolvementCareSpans>();
        services.AddScoped<Haven.Core.Health.HealthRecordService>();
        services.AddScoped<Haven.Core.Fostering.FosteringService>();
        services.AddScoped<Haven.Core.Fostering.FosteringFigures>();
        services.AddScoped<Haven.Core.Permanence.PermanenceFigures>();
        services.AddScoped<Haven.Core.Permanence.PermanenceService>();
        services.AddScoped<Haven.Core.Allocations.AllocationService>();
        services.AddScoped<Haven.Core.Education.EducationRecordService>();
        services.AddScoped<Haven.Core.Education.EducationDueWork>();
        services.AddScoped<Haven.Core.Education.VirtualSchoolCohort>();
        services.AddScoped<Haven.Core.ChildrenLookedAfter.StabilityFigures>();
        services.AddScoped<Haven.Core.Performance.PerformanceFigures>();
        services.AddSingleton<Haven.Core.Performance.PerformanceCache>();
        services.AddScoped<Haven.Core.ChildrenLookedAfter.CourtAndFamilyTimeService>();
        services.AddScoped<Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyService>();
        services.AddScoped<Haven.Core.Health.HealthDueWork>();
        services.AddScoped<Haven.Core.CareLeavers.CareLeaverService>();
        services.AddScoped<Haven.Core.CareLeavers.CareLeaverCohort>();
        services.AddScoped<Haven.Core.CareLeavers.CareLeaverDueWork>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("CareLeavers").Get<Haven.Core.CareLeavers.CareLeaverSettings>() ?? new());
        services.AddScoped<Haven.Core.Quality.AuditService>();
        services.AddScoped<Haven.Core.Quality.QualityFigures>();
        services.AddScoped<Haven.Core.Workforce.WorkforceFigures>();
        services.AddScoped<Haven.Core.Workforce.EmploymentService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Haven:Workforce").Get<Haven.Core.Workforce.WorkforceSettings>() ?? new());
        return services;
    }
}

public static class StatutoryReturnRegistration
{
    /// Every statutory return's producer (IStatutoryReturnProducer) and live validator
    /// (IReturnValidator): the Returns page, the Data quality page and My work ask each in turn.
    /// One line per return, added by the return's own folder.
    public static IServiceCollection AddStatutoryReturns(this IServiceCollection services)
    {
        services.AddSingleton<Haven.Core.Returns.IStatutoryReturnProducer, Haven.Core.Returns.AnnexA.AnnexAProducer>();
        services.AddSingleton<Haven.Core.Returns.IStatutoryReturnProducer, Haven.Core.Returns.Ssda903.Ssda903Producer>();
        services.AddSingleton<Haven.Core.Returns.IReturnValidator, Haven.Core.Returns.Ssda903.Ssda903Producer>();
        services.AddSingleton<Haven.Core.Returns.IStatutoryReturnProducer, Haven.Core.Returns.Cin.CinCensusProducer>();
        services.AddSingleton<Haven.Core.Returns.IReturnValidator, Haven.Core.Returns.Cin.CinCensusValidator>();
        // The Data quality page's failures, worked out once for everyone until the record changes.
        services.AddSingleton<Haven.Core.Returns.ReturnFailuresCache>();
        // The council's LA number (Haven:Council:LaCode) in the CIN census header: the producer takes these options.
        services.AddSingleton(sp => Haven.Core.Returns.CouncilSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton(sp => new Haven.Core.Returns.Cin.CinCensusOptions(Lea: sp.GetRequiredService<Haven.Core.Returns.CouncilSettings>().LaCode));
        return services;
    }
}
