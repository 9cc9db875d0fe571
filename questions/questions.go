// Package questions embeds the wizard's question graph: the YAML files in
// this directory, walked in the order index.yaml lists them.
package questions

import "embed"

//go:generate go run ../internal/questions/gendocs -o ../docs/questions.md -parity ../docs/amplify-parity.md

// FS holds index.yaml, the question files it lists, and amplify.yaml
// (Amplify's prompts beside ours).
//
//go:embed *.yaml
var FS embed.FS
