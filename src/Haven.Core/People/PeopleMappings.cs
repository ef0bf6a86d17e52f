using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.People;

internal sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.OtherNames).HasMaxLength(200);
        b.Property(p => p.KnownAs).HasMaxLength(100);
        b.Property(p => p.EthnicityCode).HasMaxLength(4);
        b.Property(p => p.DisabilityCodes).HasMaxLength(100);
        b.Property(p => p.NhsNumber).HasMaxLength(10);
        b.Property(p => p.Upn).HasMaxLength(13);
        b.Property(p => p.FormerUpn).HasMaxLength(13);
        b.Property(p => p.UpnUnknownReason).HasMaxLength(3);
        b.Property(p => p.FirstLanguage).HasMaxLength(50);
        b.Property(p => p.Religion).HasMaxLength(50);
        b.Property(p => p.RestrictionReason).HasMaxLength(500);
        b.Property(p => p.DeletionReason).HasMaxLength(1000);
        b.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.HavenId);
        b.Ignore(p => p.FullName);
        b.Ignore(p => p.DisplayName);
        b.Ignore(p => p.IsUnborn);
        b.HasIndex(p => p.NhsNumber);
        b.HasIndex(p => p.Upn);
        b.HasIndex(p => p.DateOfBirth);
        b.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId);
        b.HasMany(p => p.SearchKeys).WithOne().HasForeignKey(k => k.PersonId);
        b.HasQueryFilter(p => p.DeletedAt == null);
    }
}

internal sealed class PersonSearchKeyMapping : IEntityTypeConfiguration<PersonSearchKey>
{
    public void Configure(EntityTypeBuilder<PersonSearchKey> b)
    {
        b.HasKey(k => new { k.Key, k.PersonId });
        b.Property(k => k.Key).HasMaxLength(64);
        b.HasIndex(k => k.PersonId);
    }
}

internal sealed class AddressMapping : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.Property(a => a.Line1).HasMaxLength(200);
        b.Property(a => a.Line2).HasMaxLength(200);
        b.Property(a => a.Town).HasMaxLength(100);
        b.Property(a => a.Postcode).HasMaxLength(10);
        b.Ignore(a => a.OneLine);
    }
}

internal sealed class PersonAddressMapping : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> b)
    {
        b.HasIndex(a => new { a.AddressId, a.EndDate });
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class RelationshipMapping : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> b)
    {
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.RelatedPerson).WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.PersonId);
        b.HasIndex(r => r.RelatedPersonId);
    }
}

internal sealed class ProfessionalContactMapping : IEntityTypeConfiguration<ProfessionalContact>
{
    public void Configure(EntityTypeBuilder<ProfessionalContact> b)
    {
        b.Property(p => p.Role).HasMaxLength(100);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Organisation).HasMaxLength(200);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.HasIndex(p => p.PersonId);
    }
}
