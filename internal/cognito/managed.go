package cognito

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
)

// TagManaged (and TagManaged:2, :3, ... when one value is full) records
// which clients, groups, identity providers, resource servers and domain
// cogwiz created in the pool. Cognito has no tags on those, and cogwiz
// keeps no local state, so this is how a later apply knows that a client
// missing from cognito.yaml was one of its own (delete it) rather than one
// made by hand (leave it alone).
//
// Each entry is the first 8 hex digits of a sha256: names and ids may hold
// characters tag values may not, and a tag value is at most 256 characters.
// https://docs.aws.amazon.com/cognito/latest/developerguide/tagging.html
//
// App clients are recorded by id (ManagedClientKey): client names are not
// unique in a pool, so a client made in the console with the name of one
// cogwiz manages must never be taken for it. Groups, identity providers,
// resource servers and the domain are recorded by name (ManagedKey):
// Cognito keeps those names unique in a pool, so the name is the identity.
//
// A client's id exists only once it is created, so before creating one
// apply records its name (ManagedKey(KindClient, name)) as an intent, and
// replaces it by the id when the create has answered. Pools applied by
// earlier versions carry name entries for their clients too. Both are read
// the same way: a name entry stands for the one client of that name not
// recorded by id — never for a second one (see State.ClientOwnership).
const TagManaged = "cogwiz:managed"

// Kinds of managed resources, as used in ManagedKey.
const (
	KindClient         = "client"
	KindGroup          = "group"
	KindIdP            = "idp"
	KindResourceServer = "resource-server"
	KindDomain         = "domain"
)

// ManagedKey is the tag entry for a resource of kind named name.
func ManagedKey(kind, name string) string {
	sum := sha256.Sum256([]byte(kind + "/" + name))
	return hex.EncodeToString(sum[:4])
}

// ManagedClientKey is the tag entry for the app client with id.
func ManagedClientKey(id string) string { return ManagedKey(KindClient+"-id", id) }

// perTag is how many 8-digit entries (plus a space) fit in 256 characters.
const perTag = 28

// ManagedTags encodes a set of managed keys into pool tags; together with
// the resource-name tag they are what cogwiz owns of UserPoolTags.
func ManagedTags(resourceName string, keys map[string]bool) map[string]string {
	tags := map[string]string{TagResourceName: resourceName}
	list := make([]string, 0, len(keys))
	for k, ok := range keys {
		if ok {
			list = append(list, k)
		}
	}
	sort.Strings(list)
	for i := 0; len(list) > 0; i++ {
		n := min(perTag, len(list))
		key := TagManaged
		if i > 0 {
			key += ":" + strconv.Itoa(i+1)
		}
		tags[key] = strings.Join(list[:n], " ")
		list = list[n:]
	}
	return tags
}

// parseManaged reads the managed keys back from pool tags.
func parseManaged(tags map[string]string) map[string]bool {
	out := map[string]bool{}
	for k, v := range tags {
		if k == TagManaged || strings.HasPrefix(k, TagManaged+":") {
			for _, e := range strings.Fields(v) {
				out[e] = true
			}
		}
	}
	return out
}

// isOwnTag reports whether a pool tag belongs to cogwiz rather than the user.
func isOwnTag(k string) bool { return strings.HasPrefix(k, "cogwiz:") }
