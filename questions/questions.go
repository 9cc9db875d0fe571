// Package questions embeds the wizard's question graph: the YAML files in
// this directory, walked in the order index.yaml lists them.
package questions

import "embed"

//go:generate go run ../internal/questions/gendocs -o ../docs/questions.md

// FS holds index.yaml and the question files it lists.
//
//go:embed *.yaml
var FS embed.FS
