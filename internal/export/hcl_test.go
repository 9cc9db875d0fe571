package export

import "github.com/hashicorp/hcl/v2"

func hclBodySchema() hcl.BodySchema {
	return hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "output", LabelNames: []string{"name"}},
	}}
}
