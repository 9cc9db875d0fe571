// Command docgen writes the files generated from the settings registry:
// the JSON Schema of cognito.yaml and the settings reference. It runs
// through `go generate ./internal/config`; a test fails when either file
// is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// refreshCommand is printed by the staleness test.
const refreshCommand = "go generate ./internal/config"

func main() {
	schemaPath := flag.String("schema", "", "write the JSON Schema to this file")
	referencePath := flag.String("reference", "", "write the settings reference to this file")
	flag.Parse()
	if err := run(*schemaPath, *referencePath); err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}

func run(schemaPath, referencePath string) error {
	if schemaPath != "" {
		b, err := config.JSONSchema()
		if err != nil {
			return err
		}
		if err := writeFile(schemaPath, b); err != nil {
			return err
		}
	}
	if referencePath != "" {
		if err := writeFile(referencePath, Reference(config.Settings())); err != nil {
			return err
		}
	}
	return nil
}

// writeFile replaces path atomically, so a failed run never leaves half a file.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// section is a top-level part of cognito.yaml and its keys.
type section struct {
	Title, Anchor string
	Settings      []config.Setting
}

// sections groups the registry by top-level key; the plain top-level
// scalars (version, resource_name, services) share one "File" section.
func sections(all []config.Setting) []section {
	var out []section
	for _, s := range all {
		top, _, _ := strings.Cut(config.NormalizeKey(s.Key), ".")
		title := top
		if !strings.Contains(s.Key, ".") && !hasChildren(all, s.Key) {
			title = "file"
		}
		if len(out) == 0 || out[len(out)-1].Title != title {
			out = append(out, section{Title: title, Anchor: "section-" + title})
		}
		out[len(out)-1].Settings = append(out[len(out)-1].Settings, s)
	}
	return out
}

func hasChildren(all []config.Setting, key string) bool {
	for _, s := range all {
		if strings.HasPrefix(s.Key, key+".") || strings.HasPrefix(s.Key, key+"[]") {
			return true
		}
	}
	return false
}

// Reference renders docs/reference.md from the registry rows.
func Reference(all []config.Setting) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# cognito.yaml settings reference\n\n")
	p("<!-- Generated from the settings registry (internal/config/registry_data.go) by `%s`. Do not edit. -->\n\n", refreshCommand)
	p("Every key of `cognito.yaml`: what it does, the values it takes, Cognito's default, ")
	p("the recommended choice and why, whether it can be changed after the pool exists, ")
	p("the Cognito API field it sets and the AWS documentation. ")
	p("The same text is one command away: `cogwiz explain KEY`. ")
	p("Editors get it on hover from the JSON Schema ([cognito.schema.json](cognito.schema.json), also `cogwiz schema`).\n\n")
	p("- ⚠️ **create-only**: cannot be changed once the pool (or client) exists\n")
	p("- ⭐ **recommended**: the choice cogwiz suggests, with the reason\n")
	p("- 📝 **docs**: the AWS documentation page\n\n")
	p("Keys of list items are written with `[]`: `app_clients[].name` is the `name` of each entry of `app_clients`.\n\n")

	secs := sections(all)
	p("## Contents\n\n")
	for _, sec := range secs {
		p("- [%s](#%s)\n", sec.Title, sec.Anchor)
		for _, s := range sec.Settings {
			mark := ""
			if s.CreateOnly {
				mark = " ⚠️"
			}
			p("  - [`%s`](#%s)%s\n", s.Key, anchor(s.Key), mark)
		}
	}
	p("\n")

	for _, sec := range secs {
		p("<a id=\"%s\"></a>\n\n## %s\n\n", sec.Anchor, sec.Title)
		for _, s := range sec.Settings {
			writeSetting(&b, s)
		}
	}
	return b.Bytes()
}

func anchor(key string) string { return config.NormalizeKey(key) }

func writeSetting(b *bytes.Buffer, s config.Setting) {
	mark := ""
	if s.CreateOnly {
		mark = " ⚠️"
	}
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n\n### `%s`%s\n\n", anchor(s.Key), s.Key, mark)
	fmt.Fprintf(b, "**%s.** %s\n\n", escape(s.Title, false), escape(s.Meaning, false))
	b.WriteString("| | |\n|---|---|\n")
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(b, "| %s | %s |\n", label, value)
		}
	}
	if len(s.Values) > 0 {
		vals := make([]string, len(s.Values))
		for i, v := range s.Values {
			vals[i] = "`" + v + "`"
		}
		row("Values", strings.Join(vals, ", "))
	}
	row("Default", escape(s.Default, true))
	if s.Recommended != "" {
		row("⭐ Recommended", escape(s.Recommended, true)+" — "+escape(s.RecommendedWhy, true))
	}
	if s.CreateOnly {
		row("⚠️ Create-only", escape(s.CreateOnlyWhy, true))
	}
	row("API field", "`"+strings.ReplaceAll(s.APIField, "|", "\\|")+"`")
	row("📝 Docs", "<"+s.DocURL+">")
	b.WriteString("\n")
}

// escape keeps registry prose literal in Markdown: angle brackets outside
// code spans would be read as HTML, and pipes would split table cells.
func escape(s string, inTable bool) string {
	var out strings.Builder
	inCode := false
	for _, r := range s {
		switch {
		case r == '`':
			inCode = !inCode
			out.WriteRune(r)
		case r == '|' && inTable:
			out.WriteString("\\|")
		case r == '<' && !inCode:
			out.WriteString("&lt;")
		case r == '>' && !inCode:
			out.WriteString("&gt;")
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}
