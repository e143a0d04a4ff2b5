// addCtiRoutePoint, getCtiRoutePoint, listCtiRoutePoint, updateCtiRoutePoint, removeCtiRoutePoint (axl.md §5.5).
import { deviceOperations } from './devices.ts';

export const ctiRoutePointOperations = deviceOperations({
  type: 'CtiRoutePoint', element: 'ctiRoutePoint',
  add: (d, input) => d.addCtiRoutePoint(input),
  get: (d, id) => d.getCtiRoutePoint(id), list: (d, c, p) => d.listCtiRoutePoints(c, p),
  count: (d, c) => d.countCtiRoutePoints(c),
  update: (d, id, u) => d.updateCtiRoutePoint(id, u), remove: (d, id) => d.removeCtiRoutePoint(id),
});
