package config

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// DecodeCloudFormationYAML decodes a CloudFormation template written in
// YAML into the tree encoding/json gives for the same template written in
// JSON: maps, lists and strings, with the short-form tags spelled out
// (!Ref x → {"Ref": "x"}, !GetAtt a.b → {"Fn::GetAtt": ["a", "b"]},
// !Join [...] → {"Fn::Join": [...]}). It lives here because all YAML code
// does; cogwiz import amplify reads the templates Amplify deployed with it.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
func DecodeCloudFormationYAML(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("empty template")
	}
	return cfnNode(doc.Content[0]), nil
}

func cfnNode(n *yaml.Node) any {
	var v any
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = cfnNode(n.Content[i+1])
		}
		v = m
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			l = append(l, cfnNode(c))
		}
		v = l
	case yaml.AliasNode:
		return cfnNode(n.Alias)
	default:
		v = n.Value
	}
	tag, ok := strings.CutPrefix(n.Tag, "!")
	if !ok || strings.HasPrefix(tag, "!") { // untagged, or a standard !!type
		return v
	}
	switch tag {
	case "Ref", "Condition":
		return map[string]any{tag: v}
	case "GetAtt":
		if s, ok := v.(string); ok {
			if res, attr, ok := strings.Cut(s, "."); ok {
				v = []any{res, attr}
			}
		}
	}
	return map[string]any{"Fn::" + tag: v}
}
