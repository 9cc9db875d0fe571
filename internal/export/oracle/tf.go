package oracle

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// TFSchema is the schema of one resource or data source type.
type TFSchema struct {
	Kind string `json:"kind"`
	// Readable lists the attributes a reference may read, computed ones
	// (arn, id, ...) included.
	Readable []string `json:"readable"`
	Block    TFBlock  `json:"block"`
	// Missing says which provider package would hold the type.
	Missing string `json:"missing"`
}

// TFBlock is the arguments and nested blocks of a block.
type TFBlock struct {
	Attributes map[string]TFAttribute `json:"attributes"`
	Blocks     map[string]TFNested    `json:"blocks"`
}

// TFAttribute is one argument: its type as Terraform writes it (string,
// number, bool, list(string), set(string), map(string), any).
type TFAttribute struct {
	Type     string `json:"type"`
	Required bool   `json:"required"`
}

// TFNested is a nested block: nesting "single" (at most one) or "list".
type TFNested struct {
	Nesting  string  `json:"nesting"`
	Required bool    `json:"required"`
	Block    TFBlock `json:"block"`
}

// TerraformTypes parses HCL and lists the resource types it uses, data
// sources as "data.<type>".
func TerraformTypes(src []byte, name string) ([]string, error) {
	body, diags := parseHCL(src, name)
	if diags.HasErrors() {
		return nil, diags
	}
	var out []string
	for _, b := range body.Blocks {
		var t string
		switch {
		case b.Type == "resource" && len(b.Labels) == 2:
			t = b.Labels[0]
		case b.Type == "data" && len(b.Labels) == 2:
			t = "data." + b.Labels[0]
		default:
			continue
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

func parseHCL(src []byte, name string) (*hclsyntax.Body, hcl.Diagnostics) {
	f, diags := hclparse.NewParser().ParseHCL(src, name)
	if diags.HasErrors() {
		return nil, diags
	}
	return f.Body.(*hclsyntax.Body), nil
}

// Meta-arguments and blocks Terraform itself allows in every resource.
// https://developer.hashicorp.com/terraform/language/resources/syntax#meta-arguments
var (
	metaArgs   = []string{"count", "for_each", "depends_on", "provider"}
	metaBlocks = []string{"lifecycle", "provisioner", "connection"}

	topBlocks = map[string]int{"resource": 2, "data": 2, "variable": 1, "output": 1, "locals": 0, "provider": 1, "terraform": 0, "module": 1}
	varArgs   = []string{"type", "description", "default", "sensitive", "nullable", "ephemeral"}
	outArgs   = []string{"value", "description", "sensitive", "depends_on", "ephemeral"}
)

type tfChecker struct {
	schemas  map[string]*TFSchema
	declared map[string]bool // "aws_x.name", "data.aws_x.name", "var.name", "local.name"
	problems []Problem
}

func (c *tfChecker) add(r hcl.Range, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column), Msg: fmt.Sprintf(format, args...)})
}

// CheckTerraform checks HCL against provider schemas: every resource and
// data source type exists; every argument and block is one of the type's,
// with a value Terraform can convert to the argument's type; required
// arguments and blocks are present, single blocks appear once; every
// reference names something declared.
func CheckTerraform(src []byte, name string, schemas map[string]*TFSchema) []Problem {
	c := &tfChecker{schemas: schemas, declared: map[string]bool{}}
	body, diags := parseHCL(src, name)
	if diags.HasErrors() {
		return []Problem{{Path: name, Msg: diags.Error()}}
	}
	for _, a := range body.Attributes {
		c.add(a.SrcRange, "argument %s outside any block", a.Name)
	}
	for _, b := range body.Blocks {
		n, ok := topBlocks[b.Type]
		if !ok || len(b.Labels) != n {
			c.add(b.TypeRange, "unexpected top-level block %s with %d labels", b.Type, len(b.Labels))
			continue
		}
		switch b.Type {
		case "resource":
			c.declare(b, b.Labels[0]+"."+b.Labels[1])
		case "data":
			c.declare(b, "data."+b.Labels[0]+"."+b.Labels[1])
		case "variable":
			c.declare(b, "var."+b.Labels[0])
		case "locals":
			for n := range b.Body.Attributes {
				c.declared["local."+n] = true
			}
		}
	}
	for _, b := range body.Blocks {
		switch b.Type {
		case "resource", "data":
			t := b.Labels[0]
			if b.Type == "data" {
				t = "data." + t
			}
			s := schemas[t]
			switch {
			case s == nil:
				c.add(b.LabelRanges[0], "%s is not a type of the provider schema", t)
			case s.Missing != "":
				c.add(b.LabelRanges[0], "%s: %s", t, s.Missing)
			default:
				c.body(b.Body, &s.Block, true)
			}
		case "variable":
			c.plain(b.Body, varArgs, nil)
		case "output":
			c.plain(b.Body, outArgs, []string{"value"})
		}
	}
	return c.problems
}

func (c *tfChecker) declare(b *hclsyntax.Block, addr string) {
	if c.declared[addr] {
		c.add(b.DefRange(), "%s is declared twice", addr)
	}
	c.declared[addr] = true
}

// plain checks a block Terraform defines itself (variable, output).
func (c *tfChecker) plain(b *hclsyntax.Body, allowed, required []string) {
	for n, a := range b.Attributes {
		if !slices.Contains(allowed, n) {
			c.add(a.NameRange, "unknown argument %s", n)
		}
		if n != "type" { // a type constraint (string, list(string)) is not a reference
			c.refs(a.Expr)
		}
	}
	for _, r := range required {
		if _, ok := b.Attributes[r]; !ok {
			c.add(b.SrcRange, "argument %s is required", r)
		}
	}
}

func (c *tfChecker) body(b *hclsyntax.Body, s *TFBlock, top bool) {
	for _, n := range sortedAttrs(b) {
		a := b.Attributes[n]
		c.refs(a.Expr)
		if top && slices.Contains(metaArgs, n) {
			continue
		}
		spec, ok := s.Attributes[n]
		if !ok {
			if _, isBlock := s.Blocks[n]; isBlock {
				c.add(a.NameRange, "%s is a block: write %s { ... }", n, n)
			} else {
				c.add(a.NameRange, "unknown argument %s", n)
			}
			continue
		}
		c.typeCheck(a, spec.Type)
	}
	count := map[string]int{}
	for _, blk := range b.Blocks {
		if top && slices.Contains(metaBlocks, blk.Type) {
			continue
		}
		name, content := blk.Type, blk.Body
		if blk.Type == "dynamic" && len(blk.Labels) == 1 {
			name = blk.Labels[0]
			for _, inner := range blk.Body.Blocks {
				if inner.Type == "content" {
					content = inner.Body
				}
			}
		}
		nested, ok := s.Blocks[name]
		if !ok {
			if _, isAttr := s.Attributes[name]; isAttr {
				c.add(blk.TypeRange, "%s is an argument: write %s = ...", name, name)
			} else {
				c.add(blk.TypeRange, "unknown block %s", name)
			}
			continue
		}
		count[name]++
		if nested.Nesting == "single" && count[name] == 2 {
			c.add(blk.TypeRange, "at most one %s block", name)
		}
		c.body(content, &nested.Block, false)
	}
	for n, a := range s.Attributes {
		if _, ok := b.Attributes[n]; a.Required && !ok {
			c.add(b.SrcRange, "required argument %s is missing", n)
		}
	}
	for n, nb := range s.Blocks {
		if nb.Required && count[n] == 0 {
			c.add(b.SrcRange, "required block %s is missing", n)
		}
	}
}

func sortedAttrs(b *hclsyntax.Body) []string {
	out := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// typeCheck converts the argument's value to the schema's type, as
// Terraform does before it calls the provider: "32" becomes 32, but
// "ten" cannot become a number and a list cannot become a string.
// References evaluate to unknown values of any type.
func (c *tfChecker) typeCheck(a *hclsyntax.Attribute, typ string) {
	want, err := ctyType(typ)
	if err != nil {
		c.add(a.NameRange, "schema type %q: %v", typ, err)
		return
	}
	v, diags := a.Expr.Value(c.evalContext(a.Expr))
	if diags.HasErrors() {
		c.add(a.Expr.Range(), "cannot evaluate %s: %s", a.Name, diags.Error())
		return
	}
	if _, err := convert.Convert(v, want); err != nil {
		c.add(a.Expr.Range(), "%s wants %s: %v", a.Name, typ, err)
	}
}

// evalContext gives every root an expression refers to, and every
// function it calls (jsonencode, filebase64sha256, ...), an unknown value
// of any type: only literal values are type-checked.
func (c *tfChecker) evalContext(e hclsyntax.Expression) *hcl.EvalContext {
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: map[string]function.Function{}}
	for _, tr := range e.Variables() {
		ctx.Variables[tr.RootName()] = cty.DynamicVal
	}
	_ = hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		if call, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			ctx.Functions[call.Name] = unknownFunc
		}
		return nil
	})
	return ctx
}

var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl:     func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, nil },
})

// refs checks that each reference names something declared, and that a
// resource attribute it reads is one the resource has.
func (c *tfChecker) refs(e hclsyntax.Expression) {
	for _, tr := range e.Variables() {
		parts := attrNames(tr)
		root := tr.RootName()
		switch root {
		case "var", "local":
			if len(parts) < 1 || !c.declared[root+"."+parts[0]] {
				c.add(tr.SourceRange(), "%s names nothing declared", traversalString(tr))
			}
		case "data":
			if len(parts) < 2 || !c.declared["data."+parts[0]+"."+parts[1]] {
				c.add(tr.SourceRange(), "%s names no declared data source", traversalString(tr))
				continue
			}
			c.readable(tr, "data."+parts[0], parts[2:])
		case "each", "count", "path", "self", "terraform":
		default:
			if len(parts) < 1 || !c.declared[root+"."+parts[0]] {
				c.add(tr.SourceRange(), "%s names no declared resource", traversalString(tr))
				continue
			}
			c.readable(tr, root, parts[1:])
		}
	}
}

func (c *tfChecker) readable(tr hcl.Traversal, typ string, rest []string) {
	s := c.schemas[typ]
	if s == nil || len(rest) == 0 {
		return
	}
	_, isBlock := s.Block.Blocks[rest[0]]
	if !slices.Contains(s.Readable, rest[0]) && !isBlock {
		c.add(tr.SourceRange(), "%s: %s has no attribute %s", traversalString(tr), typ, rest[0])
	}
}

func attrNames(tr hcl.Traversal) []string {
	var out []string
	for _, s := range tr[1:] {
		if a, ok := s.(hcl.TraverseAttr); ok {
			out = append(out, a.Name)
		}
	}
	return out
}

func traversalString(tr hcl.Traversal) string {
	return strings.Join(append([]string{tr.RootName()}, attrNames(tr)...), ".")
}

// ctyType parses the schema's type notation.
func ctyType(s string) (cty.Type, error) {
	switch s {
	case "string":
		return cty.String, nil
	case "number":
		return cty.Number, nil
	case "bool":
		return cty.Bool, nil
	case "any":
		return cty.DynamicPseudoType, nil
	}
	for _, k := range []string{"list", "set", "map"} {
		if inner, ok := strings.CutPrefix(s, k+"("); ok && strings.HasSuffix(inner, ")") {
			el, err := ctyType(strings.TrimSuffix(inner, ")"))
			if err != nil {
				return cty.NilType, err
			}
			switch k {
			case "list":
				return cty.List(el), nil
			case "set":
				return cty.Set(el), nil
			}
			return cty.Map(el), nil
		}
	}
	return cty.NilType, fmt.Errorf("unknown type notation")
}
