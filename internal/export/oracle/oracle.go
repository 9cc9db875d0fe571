// Package oracle checks exported CloudFormation templates and Terraform
// HCL against specifications nobody at cogwiz wrote: AWS's CloudFormation
// resource specification, the hashicorp/aws provider schema as generated
// by cdktf, and a YAML 1.1 parser (CloudFormation reads YAML with 1.1
// rules, where an unquoted OFF is false and 12:30 is 750).
//
// The specifications are npm packages pinned in package.json and
// package-lock.json beside this file; oracle.js reads them and answers
// one request per check run. `make test` installs them with npm ci. When
// they are missing, tests skip locally with a hint and fail under CI=true.
//
// The checkers are generic over resource types: a new resource in an
// export (an identity pool, an IAM role, a Lambda function) is checked
// against the specification with no change here. The hashicorp/archive
// provider's types (archive_file, which zips the trigger functions) come
// from @cdktf/provider-archive.
package oracle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/repodir"
)

// Problem is one thing a checker found wrong, at a path in the document.
type Problem struct {
	Path string
	Msg  string
}

func (p Problem) String() string { return p.Path + ": " + p.Msg }

// Request asks oracle.js for parsed YAML documents and specifications.
type Request struct {
	YAML []string `json:"yaml,omitempty"`
	CFN  []string `json:"cfn,omitempty"`
	TF   []string `json:"tf,omitempty"`
}

// Answer is what oracle.js says.
type Answer struct {
	YAML []struct {
		Doc   *Node  `json:"doc"`
		Error string `json:"error"`
	} `json:"yaml"`
	// CFN maps a resource type to its specification; nil when the
	// specification has no such type.
	CFN map[string]*CFNResource `json:"cfn"`
	// TF maps a Terraform type ("aws_x", or "data.aws_x" for a data
	// source) to its schema; nil when the provider has no such type.
	TF map[string]*TFSchema `json:"tf"`
}

// Dir is the directory holding package.json, oracle.js and node_modules.
func Dir() (string, error) { return repodir.Find("internal", "export", "oracle") }

// Ask runs oracle.js once. Without the installed specifications it skips
// tb locally and fails it under CI=true, as the emulator does.
func Ask(tb testing.TB, req Request) *Answer {
	tb.Helper()
	dir := repodir.NodePackages(tb, "internal/export/oracle")
	in, err := json.Marshal(req)
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join(dir, "oracle.js"))
	cmd.Stdin = bytes.NewReader(in)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		tb.Fatalf("oracle.js: %v\n%s", err, errOut.String())
	}
	var a Answer
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		tb.Fatalf("oracle.js answered something that is not JSON: %v", err)
	}
	if len(a.YAML) != len(req.YAML) {
		tb.Fatalf("oracle.js parsed %d of %d YAML documents", len(a.YAML), len(req.YAML))
	}
	return &a
}

// Node is a parsed document value with the type a reader gives it: Tag is
// map, seq, str, int, float, bool, null, timestamp, binary or merge.
type Node struct {
	Tag   string
	Val   string
	Items []*Node
	Pairs []Pair
}

// Pair is one entry of a mapping; its key is a Node too, because YAML 1.1
// reads an unquoted key like on or 12:30 as a boolean or a number.
type Pair struct{ Key, Value *Node }

// UnmarshalJSON reads oracle.js's {"t": tag, "v": value} form.
func (n *Node) UnmarshalJSON(b []byte) error {
	var raw struct {
		T string          `json:"t"`
		V json.RawMessage `json:"v"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	n.Tag = raw.T
	switch raw.T {
	case "map":
		var pairs [][2]*Node
		if err := json.Unmarshal(raw.V, &pairs); err != nil {
			return err
		}
		for _, p := range pairs {
			n.Pairs = append(n.Pairs, Pair{Key: p[0], Value: p[1]})
		}
	case "seq":
		return json.Unmarshal(raw.V, &n.Items)
	default:
		return json.Unmarshal(raw.V, &n.Val)
	}
	return nil
}

// Get returns the value of the mapping entry whose key is the string k.
func (n *Node) Get(k string) *Node {
	if n == nil {
		return nil
	}
	for _, p := range n.Pairs {
		if p.Key.Tag == "str" && p.Key.Val == k {
			return p.Value
		}
	}
	return nil
}

// Plain turns n into plain Go values (map[string]any, []any, and the
// scalar's text), for tests that read a value back.
func (n *Node) Plain() any {
	switch n.Tag {
	case "map":
		m := map[string]any{}
		for _, p := range n.Pairs {
			m[p.Key.Val] = p.Value.Plain()
		}
		return m
	case "seq":
		l := make([]any, len(n.Items))
		for i, e := range n.Items {
			l[i] = e.Plain()
		}
		return l
	}
	return n.Val
}

// FromJSON reads a JSON document into Nodes, telling integers from other
// numbers as CloudFormation's JSON reader does.
func FromJSON(data []byte) (*Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := jsonNode(dec)
	if err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("more than one JSON value")
	}
	return n, nil
}

func jsonNode(dec *json.Decoder) (*Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &Node{Tag: "map"}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := jsonNode(dec)
				if err != nil {
					return nil, err
				}
				n.Pairs = append(n.Pairs, Pair{Key: &Node{Tag: "str", Val: k.(string)}, Value: v})
			}
			_, err := dec.Token()
			return n, err
		case '[':
			n := &Node{Tag: "seq"}
			for dec.More() {
				v, err := jsonNode(dec)
				if err != nil {
					return nil, err
				}
				n.Items = append(n.Items, v)
			}
			_, err := dec.Token()
			return n, err
		}
	case string:
		return &Node{Tag: "str", Val: t}, nil
	case json.Number:
		if strings.ContainsAny(t.String(), ".eE") {
			return &Node{Tag: "float", Val: t.String()}, nil
		}
		return &Node{Tag: "int", Val: t.String()}, nil
	case bool:
		return &Node{Tag: "bool", Val: fmt.Sprint(t)}, nil
	case nil:
		return &Node{Tag: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}
