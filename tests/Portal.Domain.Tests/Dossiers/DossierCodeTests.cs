using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Dossiers;

namespace Portal.Domain.Tests.Dossiers;

public class DossierCodeTests
{
    private const string Agency = "000.00.12.H12";

    [Fact]
    public void Format_WritesAgencyDateAndFourDigitSequence()
    {
        Assert.Equal("000.00.12.H12-251121-0001", DossierCode.Format(Agency, new DateOnly(2025, 11, 21), 1));
        Assert.Equal("000.00.12.H12-260105-0420", DossierCode.Format(Agency, new DateOnly(2026, 1, 5), 420));
        Assert.Equal("000.00.12.H12-271231-9999", DossierCode.Format(Agency, new DateOnly(2027, 12, 31), 9999));
    }

    [Fact]
    public void Format_BeyondTheDailyMaximum_ThrowsAClearError()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format(Agency, new DateOnly(2025, 11, 21), 10000));

        Assert.Contains("9999", error.Message);
        Assert.Contains(Agency, error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Format_SequenceBelowOne_Throws(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format(Agency, new DateOnly(2025, 11, 21), sequence));

    [Theory]
    [InlineData("")]
    [InlineData("000-00")]
    [InlineData("000.00..H12")]
    [InlineData(" 000.00.12.H12")]
    public void Format_MalformedAgencyCode_Throws(string agency) =>
        Assert.Throws<ArgumentException>(() => DossierCode.Format(agency, new DateOnly(2025, 11, 21), 1));

    [Fact]
    public void Format_DateOutsideTheTwoDigitCentury_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format(Agency, new DateOnly(2100, 1, 1), 1));
    }

    [Fact]
    public void Parse_ReadsTheParts()
    {
        var code = DossierCode.Parse("000.00.12.H12-251121-0001");

        Assert.Equal(Agency, code.AgencyCode);
        Assert.Equal(new DateOnly(2025, 11, 21), code.ReceiptDate);
        Assert.Equal(1, code.Sequence);
        Assert.Equal(DossierCode.Create(Agency, new DateOnly(2025, 11, 21), 1), code);
    }

    [Fact]
    public void TryParse_TrimsSpaces()
    {
        Assert.True(DossierCode.TryParse("  000.00.12.H12-251121-0042 ", out var code));
        Assert.Equal(42, code.Sequence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("000.00.12.H12-251121-1")]
    [InlineData("000.00.12.H12-251121-00001")]
    [InlineData("000.00.12.H12-251121-0000")]
    [InlineData("000.00.12.H12-251321-0001")]
    [InlineData("000.00.12.H12-250230-0001")]
    [InlineData("000.00.12.H12-2511210001")]
    [InlineData("-251121-0001")]
    [InlineData("000.00.12.H12-25112A-0001")]
    public void TryParse_RejectsMalformedCodes(string? text)
    {
        Assert.False(DossierCode.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => DossierCode.Parse(text));
    }

    [Fact]
    public void Parse_LeapDay_IsAccepted()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), DossierCode.Parse("000.00.12.H12-280229-0001").ReceiptDate);
    }

    [Fact]
    public void FormatThenParse_RoundTrips()
    {
        var agencies = Gen.Elements(Agency, "000.00.01.H12", "000.20.30.H12", "H12");
        var dates = from day in Gen.Choose(0, 36_000) select new DateOnly(2000, 1, 1).AddDays(day);
        var parts = from agency in agencies from date in dates from sequence in Gen.Choose(1, DossierCode.MaxSequence) select (agency, date, sequence);

        var property = Prop.ForAll(parts.ToArbitrary(), p =>
        {
            var text = DossierCode.Format(p.agency, p.date, p.sequence);
            var code = DossierCode.Parse(text);
            return code.AgencyCode == p.agency && code.ReceiptDate == p.date && code.Sequence == p.sequence && code.ToString() == text;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Default_PrintsEmpty()
    {
        Assert.Equal(string.Empty, default(DossierCode).ToString());
    }
}
