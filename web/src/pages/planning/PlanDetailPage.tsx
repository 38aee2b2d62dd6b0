export default function PlanDetailPage() { return null; }
