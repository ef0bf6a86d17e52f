using Microsoft.AspNetCore.Identity;

namespace Haven.Core.Identity;

/// A sign-in account (ASP.NET Core Identity), linked to the Worker it acts as.
public class HavenUser : IdentityUser
{
    public int? WorkerId { get; set; }
    public Workforce.Worker? Worker { get; set; }
    public bool IsDemoAccount { get; set; }
}
