#pragma once
/// The road network as a routing graph per travel mode, built once from the `roads` feed.
///
/// Nodes are way endpoints and every position shared by two or more ways (OpenStreetMap-style
/// junctions). Positions are the same node when they agree to 1e-7 degrees (about 1 cm), the
/// precision feeds are written with; crossings without a shared position (bridges, tunnels) are
/// not connected. Shape points between junctions stay on the edge, so the graph stays small.
/// Adjacency is compressed (CSR) and each mode has its own: `walk` (5 km/h both ways, no
/// motorways or trunk roads) and `drive` (class speed or `maxspeed`, one-way respected, no
/// footways). Sealed (`closed`) roads are in neither.

#include "core/feeds/feed.hpp"
#include "core/geo/geo.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cordon {

/// Walking speed, metres per second (5 km/h).
inline constexpr double kWalkSpeed = 5.0 / 3.6;

/// A road edge between two nodes, with its shape.
struct RoadEdge {
    std::uint32_t from = 0, to = 0;
    std::uint32_t firstShape = 0, shapeCount = 0; ///< into RoadGraph::shape (from .. to, inclusive)
    std::uint32_t road = 0;                       ///< feature index in the roads feed
    float lengthMetres = 0;
    /// Seconds to traverse per mode and direction (forward = from -> to); negative = not allowed.
    float seconds[kTravelModeCount][2] = {{-1, -1}, {-1, -1}};
};

/// One directed arc of a mode's adjacency.
struct Arc {
    std::uint32_t to = 0;
    std::uint32_t edge = 0;
    float seconds = 0;
};

/// An arc as a search reads it: where it goes and how long it takes.
struct SearchArc {
    std::uint32_t to = 0;
    float seconds = 0;
};

/// A point on the network: an edge and how far along it (0 at `from`, 1 at `to`).
struct EdgePoint {
    std::uint32_t edge = 0;
    double fraction = 0;
    double distanceMetres = 0; ///< from the snapped point to the edge
    LonLat position;           ///< the snapped point on the edge
};

class RoadGraph {
  public:
    /// Builds the graph; roads that allow neither mode still draw but do not route.
    static RoadGraph build(const Feed& roads);

    std::size_t nodeCount() const { return m_nodes.size(); }
    std::size_t edgeCount() const { return m_edges.size(); }
    LonLat node(std::uint32_t n) const { return m_nodes[n]; }
    const RoadEdge& edge(std::uint32_t e) const { return m_edges[e]; }
    std::span<const LonLat> edgeShape(std::uint32_t e) const {
        return {m_shape.data() + m_edges[e].firstShape, m_edges[e].shapeCount};
    }
    /// The edge's shape in Web Mercator metres (`mercator::project` of `edgeShape`), kept from the build.
    std::span<const MercatorPoint> edgeShapeMercator(std::uint32_t e) const {
        return {m_shapeMercator.data() + m_edges[e].firstShape, m_edges[e].shapeCount};
    }
    /// Great-circle metres of each step of the edge's shape, kept from the build: element i is
    /// `haversineMetres(shape[i], shape[i + 1])` (one fewer than the shape's points).
    std::span<const double> edgeStepMetres(std::uint32_t e) const {
        return {m_stepMetres.data() + m_edges[e].firstShape, m_edges[e].shapeCount - 1};
    }
    /// Arcs leaving `node` in `mode`.
    std::span<const Arc> arcs(TravelMode mode, std::uint32_t node) const {
        const auto& a = m_adjacency[static_cast<int>(mode)];
        return {a.arcs.data() + a.offsets[node], a.offsets[node + 1] - a.offsets[node]};
    }
    /// The whole adjacency of `mode` as a search reads it: the arcs of node n are
    /// `searchArcs[offsets[n] .. offsets[n + 1])`, in the order of `arcs(mode, n)`, without their
    /// edge (8 bytes each, packed closer), and with no span built per node.
    const std::uint32_t* arcOffsets(TravelMode mode) const {
        return m_adjacency[static_cast<int>(mode)].offsets.data();
    }
    const SearchArc* searchArcs(TravelMode mode) const {
        return m_adjacency[static_cast<int>(mode)].searchArcs.data();
    }
    /// Whether a node is a dead end in `mode`: arcs come in from one neighbour only and every arc out
    /// goes back there. It is final once that neighbour is settled, so a search need not queue it.
    bool deadEnd(TravelMode mode, std::uint32_t node) const {
        return m_adjacency[static_cast<int>(mode)].kind[node] == NodeKind::DeadEnd;
    }
    /// Whether a node is a link in a chain in `mode`: arcs come in from one or two neighbours, and
    /// entering from either, the arcs that lead on elsewhere all go to one node; no loop. A search
    /// can walk along a chain instead of queueing every link.
    bool chainLink(TravelMode mode, std::uint32_t node) const {
        return m_adjacency[static_cast<int>(mode)].kind[node] == NodeKind::ChainLink;
    }
    /// Component id per node for `mode` (arcs taken as undirected); nodes no arc reaches get
    /// their own component.
    const std::vector<std::uint32_t>& components(TravelMode mode) const {
        return m_components[static_cast<int>(mode)];
    }
    /// Number of components in `mode` and the size of the largest.
    std::size_t componentCount(TravelMode mode) const { return m_componentCount[static_cast<int>(mode)]; }
    std::size_t largestComponent(TravelMode mode) const { return m_largestComponent[static_cast<int>(mode)]; }

    /// Nearest point on an edge usable in `mode` (at its exact projection, not just the nearest
    /// node), within `maxDistanceMetres`.
    std::optional<EdgePoint> snap(LonLat p, TravelMode mode, double maxDistanceMetres = 2000) const;

  private:
    enum class NodeKind : std::uint8_t { Other, DeadEnd, ChainLink };
    std::vector<LonLat> m_nodes;
    std::vector<RoadEdge> m_edges;
    std::vector<LonLat> m_shape;
    std::vector<MercatorPoint> m_shapeMercator; // m_shape projected
    std::vector<double> m_stepMetres;           // per shape point: metres to the next point of its edge
    struct Adjacency {
        std::vector<std::uint32_t> offsets;
        std::vector<Arc> arcs;
        std::vector<SearchArc> searchArcs;
        std::vector<NodeKind> kind;
    };
    Adjacency m_adjacency[kTravelModeCount];
    std::vector<std::uint32_t> m_components[kTravelModeCount];
    std::size_t m_componentCount[kTravelModeCount] = {0, 0};
    std::size_t m_largestComponent[kTravelModeCount] = {0, 0};

    // Uniform grid over edge bounding boxes, in Mercator metres, for snapping.
    double m_cellSize = 250;
    double m_gridMinX = 0, m_gridMinY = 0;
    std::uint32_t m_gridWidth = 0, m_gridHeight = 0;
    std::vector<std::uint32_t> m_cellOffsets;
    std::vector<std::uint32_t> m_cellEdges;

    /// Renumbers nodes in Hilbert order of their positions: a search spreads over the map, so
    /// neighbours on the map being neighbours in memory keeps its reads in cache.
    void numberNodesAlongHilbertCurve();
    void buildAdjacency();
    /// Kind of a node from its arcs out and the (one or two) different neighbours arcs come in from.
    static NodeKind kindOf(std::uint32_t node, std::span<const Arc> out, std::span<const std::uint32_t> in);
    void buildComponents();
    void buildGrid();
};

/// Seconds a mode takes on a road of this class, or a negative number when the mode may not use it.
/// `maxspeedKmh` (0 = unknown) overrides the class speed for driving.
double metresPerSecond(TravelMode mode, std::string_view highway, float maxspeedKmh);

/// Great-circle distance in metres.
double haversineMetres(LonLat a, LonLat b);

} // namespace cordon
