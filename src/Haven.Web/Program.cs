using Haven.Core.Access;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.Identity;
using Haven.Core.MyWork;
using Haven.Core.Search;
using Haven.Web.Api;
using Haven.Web.Features;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddSingleton(TimeProvider.System);
services.AddHavenDatabase(DatabaseSettings.From(builder.Configuration));
services.AddSingleton(sp => AccessLogAnchor.From(builder.Configuration, sp.GetRequiredService<DatabaseSettings>(), sp.GetService<ILogger<AccessLogAnchor>>()));
services.AddSingleton<AccessLog>();
services.AddScoped<ChildAccess>();
services.AddSingleton(builder.Configuration.GetSection("Haven:BreakGlass").Get<BreakGlassSettings>() ?? new BreakGlassSettings());
services.AddSingleton(builder.Configuration.GetSection("Haven:SealedAdoption").Get<Haven.Core.Permanence.SealedAdoptionSettings>() ?? new Haven.Core.Permanence.SealedAdoptionSettings());
services.AddScoped<BreakGlass>();
services.AddChildrenInCare();
services.AddScoped<ChildRecordGuard>();
services.AddScoped<ChildSearch>();
services.AddSingleton<ReachCache>();
services.AddSingleton<SearchKeyCache>();
services.AddSingleton<ChronologyCheckCache>();
services.AddDueWorkSources();
services.AddStatutoryReturns();
Haven.Web.Features.DataFeed.DataFeedRegistration.AddDfeFeed(services, builder.Configuration);
services.AddScoped<Haven.Core.CaseNotes.CaseNoteService>();
services.AddSingleton<Haven.Core.ChildrenLookedAfter.IPostcodeLocator, Haven.Core.ChildrenLookedAfter.SyntheticPostcodeLocator>();
services.AddScoped<Haven.Core.ChildrenLookedAfter.LookedAfterService>();
services.AddScoped<Haven.Core.Assessments.AssessmentService>();
services.AddScoped<Haven.Core.ChildProtection.ChildProtectionService>();
services.AddSingleton(builder.Configuration.GetSection("Haven:ChildProtection").Get<Haven.Core.ChildProtection.ChildProtectionSettings>() ?? new Haven.Core.ChildProtection.ChildProtectionSettings());
services.AddScoped<Haven.Core.ChildProtection.ConferenceService>();
services.AddScoped<Haven.Core.Missing.MissingService>();
services.AddScoped<Haven.Core.Missing.ReturnHomeInterviewTakeUp>();
services.AddScoped<Haven.Core.Homelessness.HomelessnessService>();
services.AddScoped<Haven.Core.Homelessness.HomelessnessFigures>();
services.AddScoped<Haven.Core.Networks.NetworkView>();
services.AddScoped<Haven.Core.Networks.AssociationService>();
services.AddScoped<Haven.Core.Exploitation.ScreeningService>();
services.AddScoped<Haven.Core.Exploitation.PanelService>();
services.AddScoped<Haven.Core.Education.Inclusion.InclusionService>();
services.AddScoped<Haven.Core.People.PersonService>();
services.AddScoped<Haven.Core.People.DuplicateCheck>();
services.AddSingleton(new Haven.Core.FrontDoor.NeedContinuum(builder.Configuration.GetSection("Haven:FrontDoor:LevelsOfNeed").Get<List<Haven.Core.FrontDoor.NeedLevel>>()));
services.AddScoped<Haven.Core.FrontDoor.FrontDoorService>();
services.AddScoped<DemoAccounts>();
services.AddScoped<Haven.Core.Lado.LadoService>();
services.AddScoped<Haven.Core.EarlyHelp.EarlyHelpService>();
services.AddScoped<Haven.Core.EarlyHelp.EarlyHelpFeedbackService>();
services.AddScoped<Haven.Core.Lado.LadoOversight>();
services.AddChronologySources();
services.AddSingleton(Haven.Core.InformationGovernance.RetentionSchedule.From(builder.Configuration));
services.AddScoped<Haven.Core.InformationGovernance.SubjectAccessService>();
services.AddScoped<Haven.Core.InformationGovernance.RetentionService>();
services.AddSingleton(new Haven.Core.Plans.PlanSettings(builder.Configuration.GetValue("Haven:Plans:DriftWeeks", 4)));
services.AddSingleton(new Haven.Core.ChildInNeed.ChildInNeedSettings(builder.Configuration.GetValue("Haven:ChildInNeed:ReviewWeeks", 12)));
services.AddSingleton(new Haven.Core.Oversight.OversightSettings(builder.Configuration.GetValue("Haven:Oversight:IntervalDays", 30)));
services.AddScoped<Haven.Core.Plans.PlanService>();
services.AddScoped<Haven.Core.ChildInNeed.ChildInNeedPlanService>();
services.AddScoped<Haven.Core.Oversight.OversightService>();

services.AddIdentity<HavenUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<HavenDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<HavenUserClaimsFactory>();

services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "haven.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Haven:IdleTimeoutMinutes", 30));
    o.SlidingExpiration = true;
    o.LoginPath = "/account/sign-in";
    o.LogoutPath = "/account/sign-out";
    o.AccessDeniedPath = "/error/403";
});
var authentication = services.AddAuthentication()
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
ExternalSignIn.AddOpenIdConnectIfConfigured(authentication, builder.Configuration);

services.AddAuthorizationBuilder()
    // Deny by default: every page and endpoint needs a signed-in user unless it says otherwise.
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
    .AddPolicy(Policies.CaseWork, p => p.RequireAuthenticatedUser().RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.DoesCaseWork(w.Role)))
    .AddPolicy(Policies.AddPeople, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && AccessMatrix.For(w.Role).CanAddPeople))
    .AddPolicy(Policies.FrontDoor, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && AccessMatrix.WorksAtFrontDoor(w.Role)))
    .AddPolicy(Policies.TeamCaseloads, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && AccessMatrix.For(w.Role).SeesTeamCaseloads))
    .AddPolicy(Policies.Reallocate, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && AccessMatrix.Reallocates(w.Role)))
    .AddPolicy(Policies.Lado, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && AccessMatrix.MayUse(w.Role, RecordKind.LadoCase)))
    .AddPolicy(Policies.InformationGovernance, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && AccessMatrix.MayUse(w.Role, RecordKind.SubjectAccess)))
    .AddPolicy(Policies.Homelessness, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesHomelessnessFigures(w.Role)))
    .AddPolicy(Policies.MissingTakeUp, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesTakeUp(w.Role)))
    .AddPolicy(Policies.Inclusion, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesInclusion(w.Role)))
    .AddPolicy(Policies.Stability, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesStability(w.Role)))
    .AddPolicy(Policies.Fostering, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesFostering(w.Role)))
    .AddPolicy(Policies.FosteringWork, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.DoesFosteringWork(w.Role)))
    .AddPolicy(Policies.CareLeavers, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesCareLeavers(w.Role)))
    .AddPolicy(Policies.Performance, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesPerformance(w.Role)))
    .AddPolicy(Policies.Returns, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.ProducesReturns(w.Role)))
    .AddPolicy(Policies.DataQuality, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesDataQuality(w.Role)))
    .AddPolicy(Policies.RecordIroVisits, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Haven.Core.ChildrenLookedAfter.LookedAfterService.RecordsIroVisits(w.Role)))
    .AddPolicy(Policies.RecordDeprivationOfLiberty, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && AccessMatrix.RecordsDeprivationOfLiberty(w.Role)))
    .AddPolicy(Policies.Quality, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && Policies.SeesQuality(w.Role)))
    .AddPolicy(Policies.CaseAudit, p => p.RequireAssertion(c => CurrentWorker.From(c.User) is { } w && (Policies.SeesQuality(w.Role) || Policies.DoesCaseWork(w.Role))));

services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features";
        o.Conventions.AddFolderApplicationModelConvention("/Children/Record", m => m.Filters.Add(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(ChildRecordPageFilter))));
        Conventions.Apply(o.Conventions);
    })
    .AddGovukFrontend();
services.AddScoped<ChildRecordPageFilter>();
services.AddScoped<ChildRecordEndpointFilter>();
services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Haven API";
    doc.Info.Description = "The core children's record: people, search, case notes and chronology. Authenticate with 'Authorization: Bearer TOKEN' (tokens are issued with 'haven users token create').";
    return Task.CompletedTask;
}));
services.AddProblemDetails();
services.AddHavenApiBadRequests();
services.AddHavenRateLimits(builder.Configuration);
services.AddHealthChecks();
services.AddHostedService<StartupTasks>();
services.AddSingleton<StartupState>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseHavenApiProblems();
app.UseHavenConcurrencyConflicts();
app.UseHavenSecurityHeaders();
app.UseFrontendAssets();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapHavenHealth();
app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
app.MapHavenApi();
app.MapFrontDoorApi();
app.MapMissingApi();
app.MapExploitationApi();
app.MapEarlyHelpApi();
app.MapFosteringApi();
app.MapAllocationsApi();
app.MapPerformanceApi();

app.Run();

public partial class Program;
