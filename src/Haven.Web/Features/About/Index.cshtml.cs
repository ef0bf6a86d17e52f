using System.Reflection;
using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.About;

/// About this installation: the version running and the account in use. It reads one row (the
/// signed-in worker's team), which makes it the benchmark's floor: every other page's figures
/// are read as a ratio to this one, through the same pipeline and layout.
public class IndexModel(HavenDbContext db) : PageModel
{
    public string Version { get; } = typeof(IndexModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
    public string Provider { get; private set; } = "";
    public CurrentWorker? Worker { get; private set; }
    public string? TeamName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        Worker = CurrentWorker.From(User);
        if (Worker?.TeamId is { } teamId)
            TeamName = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct);
    }
}
