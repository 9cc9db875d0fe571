package export

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// The HCL writer is checked against hclwrite, the library terraform fmt
// is built on: for the same blocks and values it must write the same
// bytes, and what it writes must parse back to the same values.
func TestHCLWriterMatchesHCLWrite(t *testing.T) {
	strs := []string{
		"plain", "", `quote " and backslash \`, "line\nbreak\tand tab\r", "${not_a_template} and %{if x}",
		"$0 and 100% and $$ and %%", "ends with $", "control \x00 \x1b and emoji 🔐", "ünïcödé ✓",
	}
	tags := newObj()
	tags.isMap = true
	for i, k := range []string{"cogwiz:resource-name", "team", "ünïcödé-key", "a"} {
		tags.set(k, strs[i])
	}

	var ours hclLines
	ours.line(0, `resource "aws_thing" "this" {`)
	ours.arg(1, "name", "x")
	ours.arg(1, "a_much_longer_argument_name", int64(42))
	ours.arg(1, "enabled", true)
	ours.arg(1, "tags", tags)
	ours.arg(1, "after_the_map", false)
	ours.arg(1, "empty", newObj())
	ours.arg(1, "list", []any{"a", "b", hclRef("var.x")})
	ours.arg(1, "nothing", nil)
	ours.line(1, "nested {")
	for i, s := range strs {
		ours.arg(2, "s"+string(rune('a'+i)), s)
	}
	ours.line(1, "}")
	ours.blank()
	ours.arg(1, "depends_on", []any{hclRef("aws_other.one"), hclRef("aws_other.two")})
	ours.line(0, "}")

	f := hclwrite.NewEmptyFile()
	b := f.Body().AppendNewBlock("resource", []string{"aws_thing", "this"}).Body()
	b.SetAttributeValue("name", cty.StringVal("x"))
	b.SetAttributeValue("a_much_longer_argument_name", cty.NumberIntVal(42))
	b.SetAttributeValue("enabled", cty.True)
	var attrs []hclwrite.ObjectAttrTokens
	for _, k := range tags.keys {
		attrs = append(attrs, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForValue(cty.StringVal(k)), Value: hclwrite.TokensForValue(cty.StringVal(tags.vals[k].(string)))})
	}
	b.SetAttributeRaw("tags", hclwrite.TokensForObject(attrs))
	b.SetAttributeValue("after_the_map", cty.False)
	b.SetAttributeRaw("empty", hclwrite.TokensForObject(nil))
	b.SetAttributeRaw("list", hclwrite.TokensForTuple([]hclwrite.Tokens{
		hclwrite.TokensForValue(cty.StringVal("a")), hclwrite.TokensForValue(cty.StringVal("b")),
		hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: "x"}}),
	}))
	b.SetAttributeValue("nothing", cty.NullVal(cty.String))
	n := b.AppendNewBlock("nested", nil).Body()
	for i, s := range strs {
		n.SetAttributeValue("s"+string(rune('a'+i)), cty.StringVal(s))
	}
	b.AppendNewline()
	b.SetAttributeRaw("depends_on", hclwrite.TokensForTuple([]hclwrite.Tokens{
		hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "aws_other"}, hcl.TraverseAttr{Name: "one"}}),
		hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "aws_other"}, hcl.TraverseAttr{Name: "two"}}),
	}))
	want := hclwrite.Format(f.Bytes())

	if got := ours.bytes(); string(got) != string(want) {
		t.Errorf("the writer differs from hclwrite:\n--- hclwrite\n%s\n--- ours\n%s", want, got)
	}

	file, diags := hclparse.NewParser().ParseHCL(ours.bytes(), "t.tf")
	if diags.HasErrors() {
		t.Fatalf("does not parse: %v", diags)
	}
	content, _, _ := file.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "resource", LabelNames: []string{"type", "name"}}}})
	inner, _, _ := content.Blocks[0].Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "nested"}}})
	nested, _ := inner.Blocks[0].Body.JustAttributes()
	for i, s := range strs {
		v, d := nested["s"+string(rune('a'+i))].Expr.Value(nil)
		if d.HasErrors() || v.AsString() != s {
			t.Errorf("%q reads back as %#v (%v)", s, v, d)
		}
	}
}

// A list of maps has no one-line form; it is written on several lines and
// still parses to the same value.
func TestHCLWriterListOfMaps(t *testing.T) {
	m := newObj()
	m.isMap = true
	m.set("k", "v")
	var ls hclLines
	ls.arg(0, "x", []any{m, "s"})
	file, diags := hclparse.NewParser().ParseHCL(ls.bytes(), "t.tf")
	if diags.HasErrors() {
		t.Fatalf("does not parse:\n%s\n%v", ls.bytes(), diags)
	}
	attrs, _ := file.Body.JustAttributes()
	v, d := attrs["x"].Expr.Value(nil)
	if d.HasErrors() || v.LengthInt() != 2 || v.Index(cty.NumberIntVal(0)).GetAttr("k").AsString() != "v" {
		t.Errorf("reads back as %#v (%v)", v, d)
	}
}
