using System.Xml.Linq;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public class SvgWriterTests
{
    [Fact]
    public void Text_and_attributes_are_escaped_and_read_back_unchanged()
    {
        const string Label = "Zorg & \"welzijn\" <jeugd> 'test'";
        var svg = new SvgWriter().Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("aria-label", Label))
            .Text("text", Label).Close().ToString();
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Label, (string?)root.Attribute("aria-label"));
        Assert.Equal(Label, root.Elements().Single().Value);
    }

    [Fact]
    public void Characters_XML_forbids_are_replaced_so_the_document_stays_well_formed()
    {
        var svg = new SvgWriter().Open("svg").Text("text", "a\u0001b\uD800c").Close().ToString();
        Assert.Equal("a\uFFFDb\uFFFDc", XDocument.Parse(svg).Root!.Value);
    }

    [Theory]
    [InlineData(1.234567, "1.23")]
    [InlineData(2.5, "2.5")]
    [InlineData(3.0, "3")]
    [InlineData(-0.001, "0")]
    [InlineData(-12.345, "-12.35")]
    [InlineData(1e6, "1000000")]
    public void Numbers_are_invariant_with_at_most_two_decimals(double value, string expected) =>
        Assert.Equal(expected, SvgWriter.Number(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_infinity_never_reach_the_output(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SvgWriter().Element("rect", ("x", value)));

    [Fact]
    public void Null_attributes_are_left_out() =>
        Assert.Equal("<rect x=\"1\"/>\n", new SvgWriter().Element("rect", ("x", 1), ("stroke-dasharray", null)).ToString());

    [Fact]
    public void An_unclosed_element_is_an_error() =>
        Assert.Throws<InvalidOperationException>(() => new SvgWriter().Open("g").ToString());
}
