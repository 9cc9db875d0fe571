package oracle

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// CFNResource is one resource type of the CloudFormation resource
// specification: its properties, its GetAtt attributes and the property
// types its properties refer to, by id.
type CFNResource struct {
	Properties map[string]CFNProperty `json:"properties"`
	Attributes []string               `json:"attributes"`
	Types      map[string]struct {
		Name       string                 `json:"name"`
		Properties map[string]CFNProperty `json:"properties"`
	} `json:"types"`
}

// CFNProperty is a property with its type as the specification writes it:
// {"type": "string"}, {"type": "array", "element": T}, {"type": "ref",
// "reference": {"$ref": id}}, ...
type CFNProperty struct {
	Type     CFNType `json:"type"`
	Required bool    `json:"required"`
}

// CFNType is a specification type expression.
type CFNType struct {
	Type      string     `json:"type"`
	Element   *CFNType   `json:"element"`
	Types     []*CFNType `json:"types"`
	Reference *struct {
		Ref string `json:"$ref"`
	} `json:"reference"`
}

// CloudFormationTypes lists the resource types a template uses.
func CloudFormationTypes(tpl *Node) []string {
	var out []string
	if res := tpl.Get("Resources"); res != nil {
		for _, p := range res.Pairs {
			if t := p.Value.Get("Type"); t != nil && t.Tag == "str" && !slices.Contains(out, t.Val) {
				out = append(out, t.Val)
			}
		}
	}
	return out
}

// Pseudo parameters a Ref or ${} may name.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
var pseudo = []string{"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
	"AWS::StackId", "AWS::StackName", "AWS::URLSuffix"}

// Template anatomy: the top-level sections, and the keys of a resource,
// a parameter and an output.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
var (
	topKeys       = []string{"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs"}
	resourceKeys  = []string{"Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy"}
	parameterKeys = []string{"Type", "Default", "NoEcho", "Description", "AllowedValues", "AllowedPattern", "MaxLength", "MinLength", "MaxValue", "MinValue", "ConstraintDescription"}
	outputKeys    = []string{"Description", "Value", "Export", "Condition"}
)

type cfnChecker struct {
	spec     map[string]*CFNResource
	params   map[string]bool
	types    map[string]string // logical id → resource type
	problems []Problem
}

func (c *cfnChecker) add(path, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// CheckCloudFormation checks a parsed template against the resource
// specification: sections and keys, resource types, property names,
// value types as the template's reader typed them, required properties,
// and the targets of Ref, Fn::GetAtt, Fn::Sub and DependsOn.
func CheckCloudFormation(tpl *Node, spec map[string]*CFNResource) []Problem {
	c := &cfnChecker{spec: spec, params: map[string]bool{}, types: map[string]string{}}
	if tpl == nil || tpl.Tag != "map" {
		c.add("", "a template is a mapping")
		return c.problems
	}
	c.keys("", tpl, topKeys)
	if v := tpl.Get("AWSTemplateFormatVersion"); v != nil && (v.Tag != "str" || v.Val != "2010-09-09") {
		c.add("AWSTemplateFormatVersion", "want the string 2010-09-09, read %s %q", v.Tag, v.Val)
	}
	if v := tpl.Get("Description"); v != nil && v.Tag != "str" {
		c.add("Description", "want a string, read %s %q", v.Tag, v.Val)
	}
	if ps := tpl.Get("Parameters"); ps != nil {
		for _, p := range c.entries("Parameters", ps) {
			c.params[p.Key.Val] = true
			path := "Parameters." + p.Key.Val
			c.keys(path, p.Value, parameterKeys)
			if t := p.Value.Get("Type"); t == nil || t.Tag != "str" {
				c.add(path+".Type", "a parameter needs a string Type")
			}
			if v := p.Value.Get("NoEcho"); v != nil && v.Tag != "bool" {
				c.add(path+".NoEcho", "want a boolean, read %s %q", v.Tag, v.Val)
			}
			for _, k := range []string{"Description", "Default"} {
				if v := p.Value.Get(k); v != nil && v.Tag != "str" {
					c.add(path+"."+k, "want a string, read %s %q", v.Tag, v.Val)
				}
			}
		}
	}
	res := tpl.Get("Resources")
	if res == nil {
		c.add("Resources", "a template needs at least one resource")
		return c.problems
	}
	entries := c.entries("Resources", res)
	for _, p := range entries {
		if t := p.Value.Get("Type"); t != nil && t.Tag == "str" {
			c.types[p.Key.Val] = t.Val
		}
	}
	for _, p := range entries {
		c.resource("Resources."+p.Key.Val, p.Key.Val, p.Value)
	}
	if outs := tpl.Get("Outputs"); outs != nil {
		for _, p := range c.entries("Outputs", outs) {
			path := "Outputs." + p.Key.Val
			c.keys(path, p.Value, outputKeys)
			v := p.Value.Get("Value")
			if v == nil {
				c.add(path, "an output needs a Value")
				continue
			}
			c.intrinsics(path+".Value", v)
		}
	}
	return c.problems
}

// entries returns a mapping's entries, reporting keys that are not
// strings (an unquoted on or 12:30 key reads as a boolean or a number).
func (c *cfnChecker) entries(path string, n *Node) []Pair {
	if n.Tag != "map" {
		c.add(path, "want a mapping, read %s", n.Tag)
		return nil
	}
	var out []Pair
	for _, p := range n.Pairs {
		if p.Key.Tag != "str" {
			c.add(path, "key %q reads as %s, not a string", p.Key.Val, p.Key.Tag)
			continue
		}
		out = append(out, p)
	}
	return out
}

func (c *cfnChecker) keys(path string, n *Node, allowed []string) {
	for _, p := range c.entries(path, n) {
		if !slices.Contains(allowed, p.Key.Val) {
			c.add(join(path, p.Key.Val), "unknown key")
		}
	}
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func (c *cfnChecker) resource(path, id string, r *Node) {
	c.keys(path, r, resourceKeys)
	t := r.Get("Type")
	if t == nil || t.Tag != "str" {
		c.add(path+".Type", "a resource needs a string Type")
		return
	}
	if deps := r.Get("DependsOn"); deps != nil {
		list := []*Node{deps}
		if deps.Tag == "seq" {
			list = deps.Items
		}
		for _, d := range list {
			if _, ok := c.types[d.Val]; d.Tag != "str" || !ok || d.Val == id {
				c.add(path+".DependsOn", "%q is not another resource of this template", d.Val)
			}
		}
	}
	spec, ok := c.spec[t.Val]
	if !ok || spec == nil {
		c.add(path+".Type", "%s is not a resource type of the CloudFormation specification", t.Val)
		return
	}
	props := r.Get("Properties")
	if props == nil {
		props = &Node{Tag: "map"}
	}
	c.object(path+".Properties", props, spec.Properties, spec)
}

// object checks a mapping against a set of specified properties.
func (c *cfnChecker) object(path string, n *Node, props map[string]CFNProperty, spec *CFNResource) {
	if c.intrinsic(path, n) {
		return
	}
	if n.Tag != "map" {
		c.add(path, "want a mapping, read %s %q", n.Tag, n.Val)
		return
	}
	seen := map[string]bool{}
	for _, p := range c.entries(path, n) {
		seen[p.Key.Val] = true
		sp, ok := props[p.Key.Val]
		if !ok {
			c.add(join(path, p.Key.Val), "not a property of the specification")
			continue
		}
		c.value(join(path, p.Key.Val), p.Value, &sp.Type, spec)
	}
	for name, sp := range props {
		if sp.Required && !seen[name] {
			c.add(path, "required property %s is missing", name)
		}
	}
}

// value checks one value against a type, as CloudFormation would type it.
func (c *cfnChecker) value(path string, n *Node, t *CFNType, spec *CFNResource) {
	if c.intrinsic(path, n) {
		return
	}
	scalar := func(tags ...string) {
		if !slices.Contains(tags, n.Tag) {
			c.add(path, "want %s, read %s %q", t.Type, n.Tag, n.Val)
		}
	}
	switch t.Type {
	case "string", "date-time":
		scalar("str")
	case "integer":
		scalar("int")
	case "number":
		scalar("int", "float")
	case "boolean":
		scalar("bool")
	case "null":
		scalar("null")
	case "json":
		c.intrinsics(path, n)
	case "tag":
		c.object(path, n, map[string]CFNProperty{"Key": {Type: CFNType{Type: "string"}, Required: true}, "Value": {Type: CFNType{Type: "string"}, Required: true}}, spec)
	case "array":
		if n.Tag != "seq" {
			c.add(path, "want a list, read %s %q", n.Tag, n.Val)
			return
		}
		for i, e := range n.Items {
			c.value(fmt.Sprintf("%s[%d]", path, i), e, t.Element, spec)
		}
	case "map":
		for _, p := range c.entries(path, n) {
			c.value(join(path, p.Key.Val), p.Value, t.Element, spec)
		}
	case "ref":
		def, ok := spec.Types[t.Reference.Ref]
		if !ok {
			c.add(path, "the specification has no type %s", t.Reference.Ref)
			return
		}
		c.object(path, n, def.Properties, spec)
	case "union":
		var first []Problem
		for _, alt := range t.Types {
			sub := &cfnChecker{spec: c.spec, params: c.params, types: c.types}
			sub.value(path, n, alt, spec)
			if len(sub.problems) == 0 {
				return
			}
			if first == nil {
				first = sub.problems
			}
		}
		c.problems = append(c.problems, first...)
	default:
		c.add(path, "the specification's type %q is not known to this checker", t.Type)
	}
}

// intrinsic checks n if it is an intrinsic function call ({Ref: x} or
// {Fn::X: args}) and reports whether it was one: a call stands for a value
// of any type.
func (c *cfnChecker) intrinsic(path string, n *Node) bool {
	if n.Tag != "map" || len(n.Pairs) != 1 || n.Pairs[0].Key.Tag != "str" {
		return false
	}
	k := n.Pairs[0].Key.Val
	if k != "Ref" && !strings.HasPrefix(k, "Fn::") {
		return false
	}
	c.intrinsics(path, n)
	return true
}

var subVar = regexp.MustCompile(`\$\{([^}!][^}]*)\}`)

// intrinsics walks n and checks the target of every Ref, Fn::GetAtt and
// Fn::Sub inside it.
func (c *cfnChecker) intrinsics(path string, n *Node) {
	switch n.Tag {
	case "seq":
		for i, e := range n.Items {
			c.intrinsics(fmt.Sprintf("%s[%d]", path, i), e)
		}
		return
	case "map":
	default:
		return
	}
	for _, p := range n.Pairs {
		k, v := p.Key.Val, p.Value
		switch k {
		case "Ref":
			if v.Tag != "str" || !c.refTarget(v.Val) {
				c.add(path, "Ref %q names no parameter, resource or pseudo parameter", v.Val)
			}
		case "Fn::GetAtt":
			var res, attr string
			switch {
			case v.Tag == "seq" && len(v.Items) == 2:
				res, attr = v.Items[0].Val, v.Items[1].Val
			case v.Tag == "str":
				res, attr, _ = strings.Cut(v.Val, ".")
			}
			c.getAtt(path, res, attr)
		case "Fn::Sub":
			s, vars := v, (*Node)(nil)
			if v.Tag == "seq" && len(v.Items) == 2 {
				s, vars = v.Items[0], v.Items[1]
			}
			if s.Tag != "str" {
				c.add(path, "Fn::Sub needs a string")
				break
			}
			for _, m := range subVar.FindAllStringSubmatch(s.Val, -1) {
				name := m[1]
				if vars.Get(name) != nil || c.refTarget(name) {
					continue
				}
				if res, attr, ok := strings.Cut(name, "."); ok {
					c.getAtt(path, res, attr)
					continue
				}
				c.add(path, "Fn::Sub ${%s} names no parameter, resource or pseudo parameter", name)
			}
			if vars != nil {
				c.intrinsics(path, vars)
			}
		default:
			c.intrinsics(join(path, k), v)
		}
	}
}

func (c *cfnChecker) refTarget(name string) bool {
	_, isRes := c.types[name]
	return isRes || c.params[name] || slices.Contains(pseudo, name)
}

func (c *cfnChecker) getAtt(path, res, attr string) {
	t, ok := c.types[res]
	if !ok {
		c.add(path, "Fn::GetAtt names %q, not a resource of this template", res)
		return
	}
	if spec := c.spec[t]; spec != nil && !slices.Contains(spec.Attributes, attr) {
		c.add(path, "Fn::GetAtt: %s has no attribute %q", t, attr)
	}
}
